import { act, fireEvent, render, screen } from '@testing-library/react';
import { Link } from './link.js';
import { navigate } from './history-store.js';
import { Routes } from './routes.js';
import { Redirect } from './redirect.js';

function TestApp() {
  return (
    <>
      <nav>
        <Link to="/flows">Flows</Link>
        <Link to="/flows/42/versions">Versions of 42</Link>
      </nav>
      <Routes
        fallback={<p>Not found</p>}
        routes={[
          { path: '/flows', render: () => <h1>All flows</h1> },
          { path: '/flows/:id/versions', render: ({ id }) => <h1>Versions of flow {id}</h1> },
          { path: '/old', render: () => <Redirect to="/flows" /> },
        ]}
      />
    </>
  );
}

describe('router', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('renders the route of the current path, the fallback otherwise', () => {
    window.history.replaceState(null, '', '/flows/7/versions');
    render(<TestApp />);
    expect(screen.getByRole('heading').textContent).toBe('Versions of flow 7');
    act(() => navigate('/nowhere'));
    expect(screen.getByText('Not found')).toBeTruthy();
  });

  it('follows links without a page load, adding a history entry', () => {
    render(<TestApp />);
    const before = window.history.length;
    fireEvent.click(screen.getByRole('link', { name: 'Versions of 42' }));
    expect(window.location.pathname).toBe('/flows/42/versions');
    expect(window.history.length).toBe(before + 1);
    expect(screen.getByRole('heading').textContent).toBe('Versions of flow 42');
  });

  it('leaves modified clicks (new tab) to the browser', () => {
    render(<TestApp />);
    const link = screen.getByRole('link', { name: 'Flows' });
    expect(link.getAttribute('href')).toBe('/flows');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
    link.dispatchEvent(event);
    expect(window.location.pathname).toBe('/');
  });

  it('goes back with the browser (popstate)', () => {
    render(<TestApp />);
    act(() => navigate('/flows'));
    act(() => navigate('/flows/1/versions'));
    act(() => {
      window.history.replaceState(null, '', '/flows');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByRole('heading').textContent).toBe('All flows');
  });

  it('redirects, replacing the entry', () => {
    window.history.replaceState(null, '', '/old');
    const before = window.history.length;
    render(<TestApp />);
    expect(window.location.pathname).toBe('/flows');
    expect(window.history.length).toBe(before);
    expect(screen.getByRole('heading').textContent).toBe('All flows');
  });
});
