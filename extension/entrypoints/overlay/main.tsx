import { runOverlayFrame } from '@/overlay/frame/main';

runOverlayFrame(document.getElementById('overlay')!);
