/* The theme keeps in-page targets clear of a header it assumes is 4rem tall; with this
 * site's links the header wraps to two or three rows between 960 and 1600 px. Keep link
 * targets clear of the header's real height (scroll-padding only: nothing moves). */
(function () {
  "use strict";
  const header = document.querySelector(".bd-header");
  if (!header) return;
  const place = () => {
    document.documentElement.style.scrollPaddingTop = header.offsetHeight + 16 + "px";
  };
  place();
  window.addEventListener("resize", place);
})();
