import { Badge } from '@/components/ui/card';
import type { Verdict } from '@/lib/dashboards/before-after';
import { verdictLabels } from '@/lib/labels';
import type { RouterOutputs } from '@/components/trpc/types';

type Improvement = RouterOutputs['improvements']['get'];

const verdictTone: Record<Verdict, 'green' | 'red' | 'slate' | 'amber'> = {
  improved: 'green',
  worsened: 'red',
  'no clear change': 'slate',
  'not enough data': 'amber',
};

/** What a before/after says, as a coloured badge. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <Badge tone={verdictTone[verdict]}>{verdictLabels[verdict]}</Badge>;
}

/** Open, or what its before/after says. */
export function ImprovementBadge({
  improvement,
}: {
  improvement: Pick<Improvement, 'status' | 'assessment'>;
}) {
  if (improvement.status === 'open') return <Badge tone="indigo">Open</Badge>;
  return <VerdictBadge verdict={improvement.assessment.result?.verdict ?? 'not enough data'} />;
}
