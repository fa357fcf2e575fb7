import { Badge } from '@/components/ui/card';
import type { ImprovementView } from '@/server/services/improvements';

/** Open, or what its before/after says, as a coloured badge. */
export function VerdictBadge({
  improvement,
}: {
  improvement: Pick<ImprovementView, 'status' | 'assessment'>;
}) {
  if (improvement.status === 'open') return <Badge tone="indigo">Open</Badge>;
  const verdict = improvement.assessment.result?.verdict ?? 'not enough data';
  const tone =
    verdict === 'improved'
      ? 'green'
      : verdict === 'worsened'
        ? 'red'
        : verdict === 'not enough data'
          ? 'amber'
          : 'slate';
  const label = {
    improved: 'Improved',
    worsened: 'Worsened',
    'no clear change': 'No clear change',
    'not enough data': 'Not enough data',
  }[verdict];
  return <Badge tone={tone}>{label}</Badge>;
}
