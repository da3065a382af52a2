import '#shared/schema/english';
import { render } from 'preact';
import { Workspace } from '@/ui/workspace/Workspace';
import '@/ui/workspace/workspace.css';

render(<Workspace />, document.getElementById('app')!);
