import '#shared/schema/english';
import { render } from 'preact';
import { Options } from '@/ui/options/Options';

render(<Options />, document.getElementById('app')!);
