import { useState } from 'preact/hooks';
import type { CreatedInvitation } from '#shared/api/index';
import { formatDay, londonDateOf } from '#shared/calendar';

/** The email the admin sends from their own mailbox: the link first, the code for another browser. */
export function invitationEmail(name: string, organisation: string, invitation: CreatedInvitation): { subject: string; body: string } {
  return {
    subject: `Your invitation to Shortlist (${organisation})`,
    body: [
      `Hello ${name},`,
      '',
      `You have been invited to Shortlist, ${organisation}'s recruitment tracker.`,
      `Open this link in the browser where Shortlist is installed and press "Sign in to Shortlist":`,
      invitation.link,
      '',
      `Or open Shortlist's settings, choose "I have an invitation code" and enter: ${invitation.code}`,
      `It works once, until ${formatDay(londonDateOf(invitation.expiresAt))}.`,
    ].join('\n'),
  };
}

/** A new invitation, shown once: the admin sends it by their own email; the server keeps only its hash. */
export function InvitationPanel(props: { name: string; email: string; organisation: string; invitation: CreatedInvitation; onClose: () => void }) {
  const { invitation } = props;
  const [copied, setCopied] = useState(false);
  const mail = invitationEmail(props.name, props.organisation, invitation);
  const mailto = `mailto:${encodeURIComponent(props.email)}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body)}`;
  return (
    <section class="invitation" aria-label={`Invitation for ${props.name}`} data-testid="invitation">
      <h2>Send {props.name} their invitation</h2>
      <p>
        Send it from your own email to <strong>{props.email}</strong>. It signs in one browser, once, until{' '}
        <strong>{formatDay(londonDateOf(invitation.expiresAt))}</strong>. It is shown only now: if it is lost, make a new one.
      </p>
      <p class="field">
        <label for="invitation-link">Invitation link</label>
        <input id="invitation-link" readOnly value={invitation.link} onFocus={(e) => e.currentTarget.select()} />
      </p>
      <p>
        Code, for another browser: <code data-testid="invitation-code">{invitation.code}</code>
      </p>
      <p>
        <a href={mailto}>Write the email</a>{' '}
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(invitation.link).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy link
        </button>{' '}
        <button type="button" onClick={props.onClose}>
          Done
        </button>{' '}
        {copied && <span role="status">Link copied.</span>}
      </p>
    </section>
  );
}
