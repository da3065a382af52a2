import type { ComponentType } from 'preact';
import type { Route } from '../hooks/useHashRoute';

/** One page of the workspace: its route, its label in the navigation, and its component. */
export interface WorkspacePage {
  path: string;
  label: string;
  /** Who the page is mainly for, shown as a hint in the navigation. */
  audience?: string;
  component: ComponentType<{ route: Route }>;
}
