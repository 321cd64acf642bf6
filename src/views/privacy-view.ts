import type { ErasureCardData, ExportCardData } from '../cards/privacy-cards';
import type { ErasurePlan } from '../domain/privacy/erasure-plan';
import { type RetentionRule, type RetentionRules, RULE_WORDS } from '../domain/privacy/retention';
import type { ErasureSubject } from '../services/erasure-service';

export const PRIVACY_VERBS = { erase: 'privacyErase' } as const;

const bullets = (lines: readonly string[]) => lines.map((l) => `- ${l}`).join('\n');

/** The card that shows what an erasure will do and asks to confirm it (or says it is done). */
export function erasureCardData(subject: ErasureSubject, plan: ErasurePlan, done: boolean): ErasureCardData {
  const school = subject.kind === 'school';
  const title = school ? `Erase what Clusterbot holds about ${subject.label}` : `Forget ${subject.label}`;
  const explanation = school
    ? `${subject.label} has left the partnership. Erasing takes out its people and their details everywhere Clusterbot keeps them. It cannot be undone.`
    : `Forgetting takes ${subject.self ? 'you' : subject.label} out of everything Clusterbot keeps in this organisation's clusters${subject.self ? '' : ' that you lead'}. It cannot be undone.`;
  return {
    title,
    explanation,
    removed:
      plan.removed.length > 0 ? bullets(plan.removed) : 'Nothing: Clusterbot holds nothing more to erase.',
    kept: bullets(plan.kept),
    note: done
      ? `Done: ${plan.changes} stored records changed. The change log records that it happened.`
      : '',
    confirm: !done && plan.changes > 0,
    buttonTitle: school ? `Erase ${subject.label}` : `Forget ${subject.self ? 'me' : subject.label}`,
    verb: PRIVACY_VERBS.erase,
    subject: {
      kind: subject.kind,
      clusterId: subject.kind === 'school' ? subject.clusterId : '',
      schoolId: subject.kind === 'school' ? subject.schoolId : '',
      tenantId: subject.kind === 'person' ? subject.tenantId : '',
      userId: subject.kind === 'person' ? subject.userId : '',
      label: subject.label,
    },
  };
}

export function exportCardData(label: string, links: { json: string; html: string }): ExportCardData {
  return {
    title: `What Clusterbot holds about ${label}`,
    explanation:
      'Every stored record that names them: memberships, links, answers and reasons, agenda items, actions, minutes, peer reviews and change-log entries. The links work for an hour and only for the person who has them, so open them now; ask again for fresh ones.',
    htmlUrl: links.html,
    jsonUrl: links.json,
  };
}

/** "/privacy retention": the rules, and what they would delete tonight (nothing is deleted now). */
export function retentionReport(rules: RetentionRules, due: ReadonlyMap<RetentionRule, number>): string {
  const lines = (Object.keys(RULE_WORDS) as RetentionRule[]).map(
    (rule) => `- ${RULE_WORDS[rule](rules)}. Due now: **${due.get(rule) ?? 0}**`,
  );
  const total = [...due.values()].reduce((a, b) => a + b, 0);
  return [
    '**Retention in this cluster** (a dry run: nothing has been deleted)',
    ...lines,
    total > 0
      ? `The nightly run will delete these ${total} records; the change log will record how many, not what.`
      : 'Nothing is due: the nightly run will delete nothing.',
  ].join('\n');
}
