import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { applyTheme } from './app/preferences'
import './styles.css'

applyTheme()
createRoot(document.getElementById('root')!).render(<App />)
