// Kept out of the page because the Content-Security-Policy allows no inline script.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({ url: '/openapi/newsflow-public-api-v1.yml', dom_id: '#swagger-ui', deepLinking: true });
});
