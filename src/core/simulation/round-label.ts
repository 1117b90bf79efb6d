/**
 * How every face names a round. Runs count rounds from 0 internally (round 0 is the opening offers); people
 * count from 1, so a round is shown as its ordinal among the deadline's rounds: "round 1 of 33".
 */
export const shownRound = (round: number) => round + 1;

/** "round 6 of 100": the round's ordinal and the deadline in rounds. */
export const roundLabel = (round: number, deadlineRounds: number) =>
  `round ${shownRound(round)} of ${deadlineRounds}`;

/** "6 rounds played": the rounds up to and including the outcome's. */
export const roundsPlayed = (rounds: number) => `${rounds} ${rounds === 1 ? 'round' : 'rounds'} played`;
