// A button marked data-print opens the browser's print dialog. A file of its own, not an onclick
// attribute: the Content-Security-Policy runs no inline script.
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
