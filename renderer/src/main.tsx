import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LockGate } from './components/LockGate';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/list.css';
import './styles/countdown.css';
import './styles/dialog.css';
import './styles/menu.css';
import './styles/toast.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element to render into.');
createRoot(root).render(
  <StrictMode>
    <LockGate>
      <App />
    </LockGate>
  </StrictMode>,
);
