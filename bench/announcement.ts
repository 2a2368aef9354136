/** The benchmarks' broadcast: who gets it and what (kept apart so measuring scripts can import it). */
import type { OutboundActivity } from '../src/platform/delivery';

export const recipientId = (n: number) => `bench-user-${n}`;

/** About the size of a real announcement card (~1.5 KB), the same for everyone. */
export function announcement(): OutboundActivity {
  const body = [
    {
      type: 'TextBlock',
      text: 'Kennisatelier: inclusief leidinggeven',
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Donderdag 3 december, 15:00–16:30, Timmerhuis en online. '.repeat(8),
      wrap: true,
    },
    {
      type: 'FactSet',
      facts: [
        { title: 'Waar', value: 'Timmerhuis, zaal 3' },
        { title: 'Plekken', value: '40' },
      ],
    },
  ];
  const actions = [
    {
      type: 'Action.Execute',
      title: 'Aanmelden',
      verb: 'kennisatelier.signUp',
      data: { atelierId: 'a-2026-12' },
    },
  ];
  const content = { type: 'AdaptiveCard', version: '1.5', body, actions };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
  };
}
