/** The next step's heading names the channel only when it adds to the step ("Visit", not "Visit · Visit"). */
import { stepHeading } from '@/components/sidepanel/NextStepCard';

describe('the next step heading', () => {
  it.each([
    ['Visit', 'Visit', 'Visit'],
    ["Lawyer's letter", "lawyer's letter", "Lawyer's letter"],
    ['拜访', '拜访', '拜访'],
    ['Call the payment initiator', 'Phone', 'Call the payment initiator · Phone'],
    ['对账', '对账函', '对账 · 对账函'],
  ])('%s + %s → %s', (step, channel, shown) => expect(stepHeading(step, channel)).toBe(shown));
});
