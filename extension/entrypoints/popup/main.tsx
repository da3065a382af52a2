import '#shared/schema/english';
import { render } from 'preact';
import { Popup } from '@/ui/popup/Popup';

render(<Popup />, document.getElementById('app')!);
