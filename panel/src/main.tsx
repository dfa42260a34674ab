import 'uplot/dist/uPlot.min.css';
import './theme.css';
import './style.css';
import { render } from 'preact';
import { App } from './App';
import { refreshSession, takeLoginError } from './session';

void refreshSession(takeLoginError(window.location, window.history));
render(<App />, document.getElementById('app')!);
