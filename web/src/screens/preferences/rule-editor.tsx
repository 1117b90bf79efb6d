import { useState } from 'react';
import type { Issue, Rule } from '../../../../src/schema/scenario.js';
import { FieldProblems, fieldId } from './field-problems.js';
import { numberOrText } from './number-field.js';
import {
  changeKind,
  childrenOf,
  choicesOf,
  kindOf,
  leafFor,
  RULE_KINDS,
  ruleText,
  toggleOption,
  withChildren,
} from './rule-model.js';
import type { FieldProblem } from './validate-preferences.js';

/** Grids longer than this are edited by typing values, not by a checkbox each. */
const MAX_CHECKBOXES = 25;

interface RuleProps {
  rule: Rule;
  path: string;
  label: string;
  issues: readonly Issue[];
  problems: readonly FieldProblem[];
  onChange: (rule: Rule) => void;
  onRemove?: () => void;
}

/** A rule builder: any rule the format allows, a condition at a time, with the rule in words above it. */
export function RuleEditor(props: RuleProps) {
  return (
    <div className="rule-editor">
      <p className="rule-text">
        <span className="hint">In words: </span>
        {ruleText(props.rule, props.issues)}
      </p>
      <RuleNode {...props} />
    </div>
  );
}

function RuleNode({ rule, path, label, issues, problems, onChange, onRemove }: RuleProps) {
  const kind = kindOf(rule);
  const children = childrenOf(rule);
  const group = kind === 'all' || kind === 'any' || kind === 'not';
  return (
    <fieldset className="rule-node">
      <legend className="visually-hidden">{label}</legend>
      <div className="rule-head">
        <select
          id={fieldId(path)}
          aria-label={`${label}: kind of condition`}
          value={kind}
          onChange={(e) => onChange(changeKind(rule, e.target.value as typeof kind, issues))}
        >
          {RULE_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        {!group && <LeafIssue rule={rule} path={path} label={label} issues={issues} onChange={onChange} />}
        {onRemove && (
          <button type="button" className="btn btn-secondary" onClick={onRemove}>
            Remove condition
          </button>
        )}
      </div>
      {group ? (
        <div className="rule-children">
          {children.map((child, k) => {
            const childPath = kind === 'not' ? `${path}.not` : `${path}.${kind}[${k}]`;
            const replace = (next: Rule) =>
              onChange(
                withChildren(
                  rule,
                  children.map((c, j) => (j === k ? next : c)),
                ),
              );
            const remove =
              kind !== 'not' && children.length > 1
                ? () =>
                    onChange(
                      withChildren(
                        rule,
                        children.filter((_, j) => j !== k),
                      ),
                    )
                : undefined;
            return (
              <RuleNode
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; their place is their identity
                key={k}
                rule={child}
                path={childPath}
                label={`${label}, condition ${k + 1}`}
                issues={issues}
                problems={problems}
                onChange={replace}
                onRemove={remove}
              />
            );
          })}
          {kind !== 'not' && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => onChange(withChildren(rule, [...children, leafFor(issues[0])]))}
            >
              Add condition
            </button>
          )}
        </div>
      ) : (
        <LeafValues rule={rule} path={path} label={label} issues={issues} onChange={onChange} />
      )}
      {!group && <FieldProblems problems={problems} path={path} />}
      {group && <FieldProblems problems={problems} path={path} exact />}
    </fieldset>
  );
}

type LeafProps = Omit<RuleProps, 'problems' | 'onRemove'>;

function LeafIssue({ rule, path, label, issues, onChange }: LeafProps) {
  const current = 'issue' in rule ? rule.issue : '';
  return (
    <select
      id={fieldId(`${path}.issue`)}
      aria-label={`${label}: issue`}
      value={current}
      onChange={(e) => {
        const issue = issues.find((i) => i.id === e.target.value);
        if (issue) onChange(changeKind(leafFor(issue), kindOf(rule), issues));
      }}
    >
      {!issues.some((i) => i.id === current) && <option value={current}>{current} (unknown)</option>}
      {issues.map((i) => (
        <option key={i.id} value={i.id}>
          {i.title}
        </option>
      ))}
    </select>
  );
}

function LeafValues({ rule, path, label, issues, onChange }: LeafProps) {
  const [typed, setTyped] = useState('');
  if (!('issue' in rule)) return null;
  const issue = issues.find((i) => i.id === rule.issue);
  if ('atLeast' in rule || 'atMost' in rule || (!('in' in rule) && !('notIn' in rule))) {
    const bound = (key: 'atLeast' | 'atMost', text: string) => (
      <label className="num-part">
        <span>{text}</span>
        <input
          id={fieldId(`${path}.${key}`)}
          inputMode="decimal"
          aria-label={`${label}: ${text}`}
          value={rule[key] === undefined ? '' : String(rule[key])}
          onChange={(e) => {
            const { [key]: _drop, ...rest } = rule;
            const value = numberOrText(e.target.value);
            onChange((e.target.value.trim() === '' ? rest : { ...rest, [key]: value }) as Rule);
          }}
        />
      </label>
    );
    return (
      <div className="num-parts">
        {bound('atLeast', 'at least')}
        {bound('atMost', 'at most')}
      </div>
    );
  }
  const list = 'in' in rule ? rule.in : rule.notIn;
  const choices = issue ? choicesOf(issue) : [];
  const unknown = list.filter((o) => !choices.includes(o));
  const labelOf = (o: string | number) => issue?.options?.find((x) => x.id === o)?.label ?? String(o);
  const shown = choices.length <= MAX_CHECKBOXES ? [...choices, ...unknown] : list;
  const listKey = 'in' in rule ? 'in' : 'notIn';
  const toggle = (o: string | number) =>
    onChange(
      issue
        ? toggleOption(rule, o, issue)
        : ({ issue: rule.issue, [listKey]: list.filter((x) => x !== o) } as Rule),
    );
  const add = () => {
    const value = issue?.range ? numberOrText(typed) : typed.trim();
    if (value === '' || list.includes(value)) return;
    onChange({ issue: rule.issue, [listKey]: [...list, value] } as Rule);
    setTyped('');
  };
  return (
    <div className="rule-options" id={fieldId(`${path}.${listKey}`)}>
      {shown.map((o) => (
        <label key={String(o)} className="check">
          <input type="checkbox" checked={list.includes(o)} onChange={() => toggle(o)} />
          <span>
            {labelOf(o)}
            {!choices.includes(o) && ' (not an option of this issue)'}
          </span>
        </label>
      ))}
      <span className="add-option">
        <input
          aria-label={`${label}: add an option by id`}
          placeholder={issue?.range ? 'value' : 'option id'}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn btn-secondary" onClick={add}>
          Add
        </button>
      </span>
    </div>
  );
}
