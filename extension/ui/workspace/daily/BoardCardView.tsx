import { candidateName } from '#shared/names';
import type { TimedEvent } from '#shared/stages';
import { Countdown } from './Countdown';
import { daysLabel, type BoardCard } from './boardModel';
import { MoveForm } from './MoveForm';

interface Props {
  card: BoardCard;
  events: readonly TimedEvent[];
  userId: string | null;
  onDragStart: (applicationId: string) => void;
}

/** One application on the board: name (opens the candidate), days in stage, target, and "Move to…". */
export function BoardCardView({ card, events, userId, onDragStart }: Props) {
  const name = candidateName(card.application);
  return (
    <li
      class={`card card-${card.target.status}`}
      draggable
      data-application-id={card.application.id}
      onDragStart={(e) => {
        e.dataTransfer?.setData('text/plain', card.application.id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        onDragStart(card.application.id);
      }}
    >
      <a href={`#/candidate?id=${encodeURIComponent(card.application.id)}`}>{name}</a>
      <p>{card.vacancy.title}</p>
      <p>{daysLabel(card.daysInStage)}</p>
      {card.target.status !== 'none' ? (
        <p>
          <Countdown target={card.target} />
        </p>
      ) : null}
      <MoveForm applicationId={card.application.id} candidateName={name} events={events} userId={userId} />
    </li>
  );
}
