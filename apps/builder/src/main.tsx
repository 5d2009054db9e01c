import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context.js';
import { App } from './app/app.js';
import { createAppServices } from './app/app-services.js';
import { SessionProvider } from './auth/session-provider.js';
import { I18nProvider } from './i18n/index.js';
import './styles/tokens.css';
import './styles/base.css';
import { ToastProvider } from './ui/toast.js';

const services = createAppServices();
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <ApiProvider api={services.api}>
        <ToastProvider>
          <SessionProvider services={services}>
            <App />
          </SessionProvider>
        </ToastProvider>
      </ApiProvider>
    </I18nProvider>
  </StrictMode>,
);
