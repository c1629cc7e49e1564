// The bulk intake form, made kinder when scripts run: the archive's size is checked before sending, a progress bar
// follows the upload, and once the archive has arrived the bar turns into a "processing" indicator while the server
// reads each report. The answer is the same page the plain form post renders, list of outcomes included.
(function () {
    "use strict";
    var form = document.getElementById("bulk-form");
    var input = document.getElementById("bulk-file");
    var problem = document.getElementById("bulk-client-error");
    var progress = document.getElementById("bulk-progress");
    var bar = document.getElementById("bulk-progress-bar");
    var label = document.getElementById("bulk-progress-label");
    var result = document.getElementById("result");

    if (result) {
        result.focus();
    }
    if (!form || !input || !window.XMLHttpRequest || !window.FormData) {
        return;
    }
    var maxBytes = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
    var tooLarge = form.getAttribute("data-too-large") || "";

    function say(text) {
        if (problem) {
            problem.textContent = text || "";
            problem.hidden = !text;
        }
    }

    function refusal(file) {
        if (file.size === 0) {
            return "Tệp “" + file.name + "” rỗng (0 byte). Hãy chọn tệp .zip chứa các báo cáo.";
        }
        if (maxBytes > 0 && file.size > maxBytes) {
            return tooLarge;
        }
        return null;
    }

    input.addEventListener("change", function () {
        var file = input.files && input.files.length > 0 ? input.files[0] : null;
        say(file ? refusal(file) : null);
    });

    form.addEventListener("submit", function (event) {
        var file = input.files && input.files.length > 0 ? input.files[0] : null;
        if (!file) {
            return;
        }
        event.preventDefault();
        var why = refusal(file);
        if (why) {
            say(why);
            input.focus();
            return;
        }
        say(null);
        send(new FormData(form));
    });

    function isSignIn(url) {
        try {
            return new URL(url, window.location.href).pathname.indexOf("/signin") === 0;
        } catch (e) {
            return false;
        }
    }

    function processing() {
        if (label) {
            label.textContent = "Đã tải lên xong. Máy chủ đang đọc và kiểm tra từng báo cáo trong tệp nén, xin chờ…";
        }
        if (bar) {
            // A progress element without a value is the browser's own "busy" bar.
            bar.removeAttribute("value");
        }
        form.setAttribute("aria-busy", "true");
    }

    function send(data) {
        var xhr = new XMLHttpRequest();
        var button = document.getElementById("bulk-submit");
        if (button) {
            button.disabled = true;
        }
        if (progress && bar) {
            bar.value = 0;
            progress.hidden = false;
        }
        if (label) {
            label.textContent = "Đang tải tệp nén lên máy chủ…";
        }
        xhr.upload.addEventListener("progress", function (e) {
            if (e.lengthComputable && bar) {
                bar.value = Math.round(e.loaded * 100 / e.total);
            }
        });
        xhr.upload.addEventListener("load", processing);
        function done() {
            if (button) {
                button.disabled = false;
            }
            if (progress) {
                progress.hidden = true;
            }
            form.removeAttribute("aria-busy");
        }
        xhr.addEventListener("load", function () {
            done();
            if (xhr.status === 401 || isSignIn(xhr.responseURL)) {
                say("Phiên đăng nhập đã hết hạn nên tệp nén chưa được gửi. Hãy đăng nhập lại ở một thẻ (tab) khác, tải lại trang này rồi gửi lại.");
                return;
            }
            var type = xhr.getResponseHeader("Content-Type") || "";
            if (type.indexOf("text/html") !== 0) {
                say("Máy chủ trả lời không như mong đợi (mã " + xhr.status + "). Hãy thử gửi lại sau ít phút.");
                return;
            }
            document.open();
            document.write(xhr.responseText);
            document.close();
        });
        xhr.addEventListener("error", function () {
            done();
            say("Không gửi được tệp nén (mất kết nối tới máy chủ). Khi có mạng, hãy bấm gửi lại.");
        });
        xhr.open("POST", form.getAttribute("action") || window.location.href);
        xhr.setRequestHeader("Accept", "text/html");
        xhr.send(data);
    }
})();
