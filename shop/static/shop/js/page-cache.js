/* A page may come from the page cache (shop/pagecache.py), the same for every anonymous visitor: what is
   hers is read from her cookies. The header's basket count from basket_count (the server sets it whenever
   her basket changes), and a form's CSRF token, when it is sent, from csrftoken (Django accepts its secret). */
(function () {
    "use strict";

    function cookie(name) {
        var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
        return match ? decodeURIComponent(match[1]) : null;
    }

    document.querySelectorAll(".basket-count").forEach(function (count) {
        count.textContent = cookie("basket_count") || "0";
    });

    document.addEventListener("submit", function (event) {
        var token = cookie("csrftoken");
        if (!token) {
            return;
        }
        event.target.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach(function (input) {
            input.value = token;
        });
    }, true);
}());
