import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installVietnameseMessages } from '../../shared/locale';
import { App } from './app/App';
import { AuthGate } from './auth/AuthGate';
import { ConnectionBanner } from './app/ConnectionBanner';
import { AskProvider } from './components/Dialog';
import './styles.css';

installVietnameseMessages();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AskProvider>
      <ConnectionBanner />
      <AuthGate>
        <App />
      </AuthGate>
    </AskProvider>
  </StrictMode>,
);
