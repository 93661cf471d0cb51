import { useEffect, useRef, useState } from 'react';
import type { SimMessage } from '../../../shared/kds-api.ts';
import type { UiStrings } from '../../../shared/i18n.ts';
import { phoneDigits } from '../../../shared/text.ts';

interface Props {
  chat: { phone: string; messages: SimMessage[] } | null;
  t: UiStrings;
  onOpenChat(phone: string): void;
  onSend(phone: string, name: string, body: string): Promise<void>;
}

/** Training mode: staff chat as a customer through the simulator engine. */
export function SimulatorPanel({ chat, t, onOpenChat, onSend }: Props) {
  const [phone, setPhone] = useState('34600000001');
  const [name, setName] = useState('Cliente de prueba');
  const [body, setBody] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const digits = phoneDigits(phone);
  const valid = digits.length >= 3;

  useEffect(() => {
    if (!valid) return;
    // Wait for the typing to settle before loading another customer's chat.
    const id = setTimeout(() => onOpenChat(digits), 250);
    return () => clearTimeout(id);
  }, [digits, valid, onOpenChat]);

  const messages = chat?.phone === digits ? chat.messages : [];
  // Braces matter: Chromium's scrollIntoView may return a promise, and an effect returns only a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  return (
    <section className="panel__body sim" data-testid="simulator">
      <h2>{t.simulator}</h2>
      <div className="sim__who">
        <input className="field" value={phone} onChange={(e) => setPhone(e.target.value)} aria-label={t.simPhone} placeholder={t.simPhone} inputMode="tel" data-testid="sim-phone" />
        <input className="field" value={name} onChange={(e) => setName(e.target.value)} aria-label={t.simName} placeholder={t.simName} dir="auto" data-testid="sim-name" />
      </div>
      <div className="sim__chat" data-testid="sim-chat">
        {messages.length === 0 && <p className="panel__empty">{t.simEmpty}</p>}
        {messages.map((m, i) => (
          <div key={`${m.at}:${i}`} className={`bubble bubble--${m.direction}`} dir="auto">
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
          if (!text || !valid) return;
          setBody('');
          void onSend(digits, name.trim(), text);
        }}
      >
        <input className="field" data-testid="sim-input" value={body} onChange={(e) => setBody(e.target.value)} placeholder={t.simPlaceholder} aria-label={t.simPlaceholder} dir="auto" />
        <button className="btn btn--go" data-testid="sim-send" type="submit" disabled={!valid}>
          {t.send}
        </button>
      </form>
    </section>
  );
}
