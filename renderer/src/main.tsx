import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installVietnameseMessages } from '../../shared/locale';
import { App } from './app/App';
import './styles.css';

installVietnameseMessages();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
