import type { ComponentType } from 'preact';
import type { UserRole } from '#shared/schema/index';
import type { Route } from '../hooks/useHashRoute';

/** One page of the workspace: its route, its label in the navigation, and its component. */
export interface WorkspacePage {
  path: string;
  label: string;
  /** Who the page is mainly for, shown as a hint in the navigation. */
  audience?: string;
  /** Only these roles see the page (every control on it needs one of them); none: everyone. */
  roles?: readonly UserRole[];
  component: ComponentType<{ route: Route }>;
}
