// The public portal's only script (served as /cong-dan/portal.js, no framework, no build step).
// 1. The filing page's proof of work: finds a nonce such that SHA-256(challenge + ":" + nonce)
//    begins with the challenge's number of zero bits, in slices so the page stays responsive.
//    SHA-256 is computed here (not crypto.subtle, which a page opened over plain HTTP lacks).
// 2. Shows only the fields of the chosen kind of sender.
// 3. The "In phiếu" button of the receipt page.
// 4–5. The comment form of a draft regulation (issue 20): the same proof of work, and the quoted text.
(function () {
  "use strict";

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
  ];
  var W = new Array(64);

  // SHA-256 of an ASCII string (the challenge and the nonce are ASCII); returns the first word.
  function sha256FirstWord(text) {
    var n = text.length;
    var blocks = ((n + 8) >> 6) + 1;
    var words = new Array(blocks * 16);
    var i;
    for (i = 0; i < words.length; i++) words[i] = 0;
    for (i = 0; i < n; i++) words[i >> 2] |= text.charCodeAt(i) << (24 - (i % 4) * 8);
    words[n >> 2] |= 0x80 << (24 - (n % 4) * 8);
    words[words.length - 1] = n * 8;
    var h0 = 0x6a09e667,
      h1 = 0xbb67ae85,
      h2 = 0x3c6ef372,
      h3 = 0xa54ff53a,
      h4 = 0x510e527f,
      h5 = 0x9b05688c,
      h6 = 0x1f83d9ab,
      h7 = 0x5be0cd19;
    for (var b = 0; b < words.length; b += 16) {
      for (i = 0; i < 64; i++) {
        if (i < 16) W[i] = words[b + i] | 0;
        else {
          var x = W[i - 15],
            y = W[i - 2];
          var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
          var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
          W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
        }
      }
      var a = h0,
        c = h2,
        d = h3,
        e = h4,
        f = h5,
        g = h6,
        h = h7,
        bb = h1;
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var t1 = (h + S1 + ch + K[i] + W[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & bb) ^ (a & c) ^ (bb & c);
        var t2 = (S0 + maj) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = bb;
        bb = a;
        a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0;
      h1 = (h1 + bb) | 0;
      h2 = (h2 + c) | 0;
      h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0;
      h5 = (h5 + f) | 0;
      h6 = (h6 + g) | 0;
      h7 = (h7 + h) | 0;
    }
    return [h0, h1];
  }

  function leadingZeros(words) {
    var first = words[0] >>> 0;
    if (first !== 0) return Math.clz32(first);
    return 32 + Math.clz32(words[1] >>> 0);
  }

  function solve(form) {
    var challenge = form.elements.namedItem("pow");
    var nonce = form.elements.namedItem("nonce");
    var status = document.getElementById("pow-status");
    if (!challenge || !nonce || !challenge.value) return;
    var bits = Number(challenge.value.split(".")[2]);
    var done = false;
    var waiting = false;
    var n = 0;
    status.textContent = "Đang thực hiện bước chống gửi tự động (vài giây)…";
    function step() {
      var end = n + 5000;
      for (; n < end; n++) {
        if (leadingZeros(sha256FirstWord(challenge.value + ":" + n)) >= bits) {
          nonce.value = String(n);
          done = true;
          // Each form names what it sends (data-pow="…"): a petition, a comment.
          status.textContent = "Đã sẵn sàng gửi " + (form.getAttribute("data-pow") || "đơn") + ".";
          if (waiting) form.submit();
          return;
        }
      }
      setTimeout(step, 0);
    }
    form.addEventListener("submit", function (event) {
      if (!done) {
        event.preventDefault();
        waiting = true;
        status.textContent = "Đang hoàn tất bước chống gửi tự động, sẽ gửi ngay sau đó…";
      }
    });
    setTimeout(step, 0);
  }

  function senderSections(form) {
    var radios = form.querySelectorAll('input[name="filerType"]');
    function show() {
      var chosen = "";
      for (var i = 0; i < radios.length; i++) if (radios[i].checked) chosen = radios[i].value;
      var sections = form.querySelectorAll("[data-for-sender]");
      for (var j = 0; j < sections.length; j++) {
        var wanted = sections[j].getAttribute("data-for-sender").split(" ");
        sections[j].hidden = chosen !== "" && wanted.indexOf(chosen) < 0;
      }
    }
    for (var i = 0; i < radios.length; i++) radios[i].addEventListener("change", show);
    show();
  }

  var form = document.getElementById("gui-don");
  if (form) {
    solve(form);
    senderSections(form);
  }
  // 4. Other posting forms that carry a proof of work (a comment on a draft regulation).
  var powForms = document.querySelectorAll("form[data-pow]");
  for (var f = 0; f < powForms.length; f++) if (powForms[f] !== form) solve(powForms[f]);
  // 5. A draft regulation's page: text selected inside a passage goes with "Góp ý đoạn này" as
  //    the quoted text (without the script, the citizen may type it on the form).
  var commentLinks = document.querySelectorAll("a[data-comment-link]");
  for (var c = 0; c < commentLinks.length; c++)
    commentLinks[c].addEventListener("click", function (event) {
      var link = event.currentTarget;
      var passage = document.querySelector('[data-passage="' + link.getAttribute("data-comment-link") + '"]');
      var selection = window.getSelection ? String(window.getSelection()) : "";
      var text = selection.replace(/\s+/g, " ").trim();
      if (passage && text && passage.textContent.indexOf(text) >= 0)
        link.href = link.href.split("&trich=")[0] + "&trich=" + encodeURIComponent(text.slice(0, 1000));
    });
  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () {
      window.print();
    });
  }
})();
