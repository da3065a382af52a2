import { useRef, useState } from 'preact/hooks';
import { formatDay } from '#shared/calendar';
import { candidateName } from '#shared/names';
import { STAGE_LABELS, type Stage } from '#shared/schema/index';
import { checkMove, moveNeeds } from '#shared/stages';
import { TitleWithCsv } from '@/ui/csv/TitleWithCsv';
import { navigate, type Route } from '@/ui/hooks/useHashRoute';
import { BoardCardView } from './BoardCardView';
import { BoardFiltersBar } from './BoardFiltersBar';
import { BOARD_CSV_COLUMNS, buildBoard, filtersFromParams, filtersToParams, type BoardColumn } from './boardModel';
import { eventsOf } from './data';
import { MoveForm } from './MoveForm';
import { moveApplication } from '@/db/moves';
import { useDailyData } from './useDailyData';
import { useSignedIn } from './useSignedIn';

interface PendingDrop {
  applicationId: string;
  to: Stage;
}

/** Pipeline board: a column per open stage, exits folded away, cards moved by select or drag. */
export function BoardPage({ route }: { route: Route }) {
  const { userId, settings, asOf } = useSignedIn();
  const data = useDailyData();
  // A ref, not state: the drop handler must see the card picked up in the same gesture.
  const dragging = useRef<string | null>(null);
  const [over, setOver] = useState<Stage | null>(null);
  const [pending, setPending] = useState<PendingDrop | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!data) return <p>Loading the board…</p>;
  const filters = filtersFromParams(route.params);
  const board = buildBoard(data, settings, asOf, filters);
  const allCards = [...board.columns, ...board.exits].flatMap((c) => c.cards);

  const drop = async (to: Stage, applicationId: string) => {
    setOver(null);
    dragging.current = null;
    const events = eventsOf(data, applicationId);
    const check = checkMove(events, to);
    if (!check.ok) return setMessage(`Not moved: ${check.message}`);
    if (moveNeeds(to)) return setPending({ applicationId, to });
    if (!userId) return setMessage('Sign in first: every move records who made it');
    const result = await moveApplication({ applicationId, events, to, by: userId });
    setMessage(result.ok ? null : `Not moved: ${result.message}`);
  };

  const renderColumn = (column: BoardColumn) => (
    <section
      key={column.stage}
      class={`board-column${over === column.stage ? ' drop-target' : ''}`}
      aria-label={`${STAGE_LABELS[column.stage]}: ${column.cards.length}`}
      data-stage={column.stage}
      onDragOver={(e) => {
        if (!dragging.current) return;
        e.preventDefault();
        setOver(column.stage);
      }}
      onDragLeave={() => setOver((s) => (s === column.stage ? null : s))}
      onDrop={(e) => {
        e.preventDefault();
        const id = e.dataTransfer?.getData('text/plain') || dragging.current;
        if (id) void drop(column.stage, id);
      }}
    >
      <h2>
        {STAGE_LABELS[column.stage]} ({column.cards.length})
      </h2>
      <ul>
        {column.cards.map((card) => (
          <BoardCardView key={card.application.id} card={card} events={eventsOf(data, card.application.id)} userId={userId} onDragStart={(id) => (dragging.current = id)} />
        ))}
      </ul>
    </section>
  );

  const pendingCard = pending ? allCards.find((c) => c.application.id === pending.applicationId) : undefined;
  const exitCount = board.exits.reduce((n, c) => n + c.cards.length, 0);
  return (
    <section aria-labelledby="board-title">
      <TitleWithCsv title="Pipeline board" titleId="board-title" rows={allCards} columns={BOARD_CSV_COLUMNS} filename="pipeline" />
      <BoardFiltersBar data={data} filters={filters} onChange={(f) => navigate('/board', filtersToParams(f))} />
      <p class="summary">
        {board.total} applications; drag a card to another column or use its “Move to…” list.
      </p>
      {message ? (
        <p class="move-message" role="alert">
          {message}
        </p>
      ) : null}
      {pending && pendingCard ? (
        <div class="checks-card" role="dialog" aria-label={`Move ${candidateName(pendingCard.application)} to ${STAGE_LABELS[pending.to]}`}>
          <h2>
            Move {candidateName(pendingCard.application)} to {STAGE_LABELS[pending.to]}
          </h2>
          <MoveForm
            applicationId={pending.applicationId}
            candidateName={candidateName(pendingCard.application)}
            events={eventsOf(data, pending.applicationId)}
            userId={userId}
            initialTo={pending.to}
            interviewHint={pendingCard.target.kind === 'interview' && pendingCard.target.dueDate ? `Interview due by ${formatDay(pendingCard.target.dueDate)}` : null}
            onDone={() => setPending(null)}
            onCancel={() => setPending(null)}
            autoFocus
          />
        </div>
      ) : null}
      <div class="board">{board.columns.map(renderColumn)}</div>
      <details class="exits">
        <summary>Rejected and withdrawn ({exitCount})</summary>
        <div class="board">{board.exits.map(renderColumn)}</div>
      </details>
    </section>
  );
}
