import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { updateFeedFrom } from './api/update-feed.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import './styles.css';

// Before the first render: the desktop app sends its update state once, as soon as the page loads.
const updates = updateFeedFrom(window);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App updates={updates} />
      </ErrorBoundary>
    </StrictMode>,
  );
}
