// The small proof of work of an open survey's code request (collection.online.ProofOfWork): find a
// nonce such that SHA-256("challenge:nonce") starts with `bits` zero bits, then send the form.
// Without JavaScript the form says that this step needs it; the server checks every answer.
(function () {
  var form = document.getElementById('open-code-request');
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var challenge = form.getAttribute('data-challenge');
  var bits = parseInt(form.getAttribute('data-bits'), 10) || 0;
  var status = document.getElementById('open-work');
  var encoder = new TextEncoder();
  var solving = false;

  function leadingZeroBits(bytes, wanted) {
    for (var i = 0; i < wanted; i++) {
      if ((bytes[i >> 3] & (0x80 >> (i & 7))) !== 0) {
        return false;
      }
    }
    return true;
  }

  async function solve() {
    for (var nonce = 0; ; nonce++) {
      var hash = await crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + nonce));
      if (leadingZeroBits(new Uint8Array(hash), bits)) {
        return nonce;
      }
    }
  }

  form.addEventListener('submit', function (event) {
    var nonce = document.getElementById('open-nonce');
    if (nonce.value !== '') {
      return;
    }
    event.preventDefault();
    if (solving) {
      return;
    }
    solving = true;
    if (status) {
      status.textContent = status.getAttribute('data-working') || '…';
    }
    solve().then(function (found) {
      nonce.value = String(found);
      form.submit();
    });
  });
})();
