import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './app/app.css';
import { langFromUrl, setLanguage } from './i18n/index.ts';
import { App } from './app/app.tsx';

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// English is in the bundle; another language's strings load first (a few KB), then the app renders.
const lang = langFromUrl();
if (lang === 'en') render();
else void setLanguage(lang).then(render, render);
