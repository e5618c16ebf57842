// The renderer's entry point.
import '@xyflow/react/dist/style.css';
import './theme.css';
import './layout.css';
import '../editor/editor.css';
import '../editor/editing.css';
import '../start/start.css';
import '../editor/blocks.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
