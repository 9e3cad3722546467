// The careers fair on a school's own web page: one element and this script.
//
//   <div data-careers-fair="FAIR-ID"></div>
//   <script src="https://FAIR-HOST/embed.js" async></script>
//
// Each such element gets the fair in an iframe from the fair's own host, so
// the school's page never sees a pupil's session and the fair never runs
// the school's scripts. The fair reports its height and the frame follows,
// so there is only the page's own scroll bar.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;

  function embed(element) {
    if (element.querySelector("iframe.careers-fair-frame")) return;
    var fair = element.getAttribute("data-careers-fair");
    if (!fair) return;
    var frame = document.createElement("iframe");
    frame.className = "careers-fair-frame";
    frame.src = origin + "/fairs/" + encodeURIComponent(fair);
    frame.title = element.getAttribute("data-title") || "Careers fair";
    frame.allow = "fullscreen";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.style.cssText = "display:block;width:100%;min-height:32rem;border:0";
    element.appendChild(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data) return;
    var height = event.data.careersFairHeight;
    if (typeof height !== "number" || !(height > 0)) return;
    var frames = document.querySelectorAll("iframe.careers-fair-frame");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + "px";
      }
    }
  });

  var elements = document.querySelectorAll("[data-careers-fair]");
  for (var i = 0; i < elements.length; i++) embed(elements[i]);
})();
