// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '@/ui/page-overlay/Shell';

beforeEach(() => sessionStorage.clear());
afterEach(() => cleanup());

const panel = () => screen.getByTestId('shortlist-overlay');
const grip = () => screen.getByRole('button', { name: /drag, or use the arrow keys/ });

describe('the overlay frame', () => {
  it('moves with the arrow keys when its handle has focus, and collapses to a small tab', () => {
    render(
      <Shell title="Social Worker">
        <p>body text</p>
      </Shell>,
    );
    expect(panel().style.right).toBe('16px');
    expect(panel().style.bottom).toBe('16px');
    grip().focus();
    fireEvent.keyDown(grip(), { key: 'ArrowLeft' });
    fireEvent.keyDown(grip(), { key: 'ArrowUp', shiftKey: true });
    expect(panel().style.right).toBe('26px');
    expect(panel().style.bottom).toBe('56px');
    // Other keys are left to the page.
    fireEvent.keyDown(grip(), { key: 'a' });
    expect(panel().style.right).toBe('26px');

    const toggle = screen.getByRole('button', { name: 'Hide' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.queryByText('body text')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('remembers the position and the collapsed state for the site', () => {
    const first = render(<Shell title="A">x</Shell>);
    fireEvent.keyDown(grip(), { key: 'ArrowRight' });
    fireEvent.keyDown(grip(), { key: 'ArrowRight' });
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    first.unmount();
    render(<Shell title="A">x</Shell>);
    expect(panel().style.right).toBe('0px');
    expect(screen.getByRole('button', { name: 'Show' })).toBeTruthy();
  });

  it('never moves off the screen', () => {
    render(<Shell title="A">x</Shell>);
    for (let i = 0; i < 10; i++) fireEvent.keyDown(grip(), { key: 'ArrowDown', shiftKey: true });
    expect(panel().style.bottom).toBe('0px');
  });
});
