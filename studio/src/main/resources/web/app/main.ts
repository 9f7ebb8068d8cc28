import './components/chorus-studio';
