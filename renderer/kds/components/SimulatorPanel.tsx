import { useEffect, useRef, useState } from 'react';
import type { SimMessage } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { phoneDigits } from '../../../shared/text.ts';

interface Props {
  messages: SimMessage[];
  t: UiStrings;
  onOpenChat(phone: string): void;
  onSend(phone: string, name: string, body: string): Promise<void>;
}

/** Training mode: staff chat as a customer through the simulator engine. */
export function SimulatorPanel({ messages, t, onOpenChat, onSend }: Props) {
  const [phone, setPhone] = useState('34600000001');
  const [name, setName] = useState('Cliente de prueba');
  const [body, setBody] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const digits = phoneDigits(phone);
  useEffect(() => {
    if (digits.length >= 3) onOpenChat(digits);
  }, [digits, onOpenChat]);
  const chat = messages.filter((m) => m.phone === digits);
  // Braces matter: newer Chromium returns a promise from scrollIntoView, and an effect may return only a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [chat.length]);
  return (
    <section className="panel sim" data-testid="simulator">
      <h2>{t.simulator}</h2>
      <div className="sim__who">
        <input value={phone} onChange={(e) => setPhone(e.target.value)} aria-label={t.simPhone} inputMode="tel" />
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t.simName} dir="auto" />
      </div>
      <div className="sim__chat">
        {chat.map((m, i) => (
          <div key={i} className={`bubble bubble--${m.direction}`} dir="auto">
            {m.body}
          </div>
        ))}
        <div ref={end} />
      </div>
      <form
        className="sim__input"
        onSubmit={(e) => {
          e.preventDefault();
          const text = body.trim();
          if (!text || digits.length < 3) return;
          setBody('');
          void onSend(digits, name, text);
        }}
      >
        <input data-testid="sim-input" value={body} onChange={(e) => setBody(e.target.value)} placeholder={t.simPlaceholder} dir="auto" />
        <button className="btn btn--go" data-testid="sim-send" type="submit">
          {t.send}
        </button>
      </form>
    </section>
  );
}
