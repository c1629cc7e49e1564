// The upload form, made kinder when scripts run: drag and drop, the file's size checked against the limit before
// sending, a progress bar for large files, and a session that ran out while sending does not lose the chosen file.
// Without this script the file picker and the plain form post still work, and the message list still links to cells.
(function () {
    "use strict";
    var form = document.getElementById("upload-form");
    var zone = document.getElementById("dropzone");
    var input = document.getElementById("upload-file");
    var hint = document.getElementById("dropzone-hint");
    var chosen = document.getElementById("upload-file-name");
    var problem = document.getElementById("upload-client-error");
    var progress = document.getElementById("upload-progress");
    var bar = document.getElementById("upload-progress-bar");
    var result = document.getElementById("result");

    // Large enough that a clerk on a slow line waits visibly.
    var progressFrom = 512 * 1024;

    if (result) {
        // The answer to an upload: take the reader (and the screen reader) straight to it.
        result.focus();
    }
    if (!form || !zone || !input) {
        return;
    }
    var maxBytes = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
    var maxLabel = form.getAttribute("data-max-label") || "";
    // Set after a sign-in ran out: the page's antiforgery token belongs to the old session.
    var staleToken = false;

    function size(bytes) {
        if (bytes >= 1024 * 1024) {
            return (bytes / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + " MB";
        }
        return Math.max(1, Math.round(bytes / 1024)).toLocaleString("vi-VN") + " KB";
    }

    function say(text) {
        if (!problem) {
            return;
        }
        problem.textContent = text || "";
        problem.hidden = !text;
    }

    // Why the file cannot be sent as it is, or null.
    function refusal(file) {
        if (file.size === 0) {
            return "Tệp rỗng (0 byte): “" + file.name + "” không có nội dung. Hãy mở báo cáo trong Excel hoặc Word, lưu lại rồi chọn lại tệp.";
        }
        if (maxBytes > 0 && file.size > maxBytes) {
            return "Tệp “" + file.name + "” nặng " + size(file.size) + ", vượt quá giới hạn " + maxLabel
                + ". Hãy xóa các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp rồi chọn lại.";
        }
        return null;
    }

    function showChosen() {
        var file = input.files && input.files.length > 0 ? input.files[0] : null;
        if (chosen) {
            chosen.textContent = file ? file.name + " (" + (file.size === 0 ? "0 byte" : size(file.size)) + ")" : "Chưa chọn tệp nào.";
        }
        if (hint && file) {
            hint.textContent = "Đã chọn tệp: " + file.name + ". Bấm “Gửi báo cáo” để gửi, hoặc “Kiểm tra thử” để chỉ xem lỗi.";
        }
        say(file ? refusal(file) : null);
    }

    input.addEventListener("change", showChosen);

    ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (event) {
            event.preventDefault();
            zone.classList.add("dragging");
        });
    });
    ["dragleave", "dragend"].forEach(function (name) {
        zone.addEventListener(name, function () {
            zone.classList.remove("dragging");
        });
    });
    zone.addEventListener("drop", function (event) {
        event.preventDefault();
        zone.classList.remove("dragging");
        var files = event.dataTransfer && event.dataTransfer.files;
        if (!files || files.length === 0) {
            return;
        }
        if (files.length > 1 && hint) {
            hint.textContent = "Mỗi lần chỉ gửi một tệp; đã lấy tệp đầu tiên.";
        }
        var transfer = new DataTransfer();
        transfer.items.add(files[0]);
        input.files = transfer.files;
        showChosen();
    });

    if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) {
        return;
    }

    form.addEventListener("submit", function (event) {
        var file = input.files && input.files.length > 0 ? input.files[0] : null;
        if (!file) {
            return;
        }
        var why = refusal(file);
        event.preventDefault();
        if (why) {
            say(why);
            input.focus();
            return;
        }
        say(null);
        var data = new FormData(form);
        var submitter = event.submitter;
        if (submitter && submitter.name) {
            data.append(submitter.name, submitter.value);
        }
        (staleToken ? freshToken() : Promise.resolve(null)).then(function (token) {
            if (token) {
                data.set("__RequestVerificationToken", token);
                form.querySelectorAll("input[name='__RequestVerificationToken']").forEach(function (field) { field.value = token; });
                staleToken = false;
            }
            send(data, file);
        }, function () {
            signedOut();
        });
    });

    // The antiforgery token of the page as it is now, for the session signed in again in another tab.
    function freshToken() {
        return fetch(window.location.pathname + window.location.search, { credentials: "same-origin" }).then(function (response) {
            if (!response.ok || isSignIn(response.url)) {
                throw new Error("signed out");
            }
            return response.text();
        }).then(function (html) {
            var field = new DOMParser().parseFromString(html, "text/html").querySelector("#upload-form input[name='__RequestVerificationToken']");
            if (!field) {
                throw new Error("no token");
            }
            return field.value;
        });
    }

    function isSignIn(url) {
        try {
            return new URL(url, window.location.href).pathname.indexOf("/signin") === 0;
        } catch (e) {
            return false;
        }
    }

    function send(data, file) {
        var xhr = new XMLHttpRequest();
        var buttons = form.querySelectorAll("button[type='submit']");
        buttons.forEach(function (b) { b.disabled = true; });
        if (progress && bar && file.size >= progressFrom) {
            bar.value = 0;
            progress.hidden = false;
            xhr.upload.addEventListener("progress", function (e) {
                if (e.lengthComputable) {
                    bar.value = Math.round(e.loaded * 100 / e.total);
                }
            });
        }
        function done() {
            buttons.forEach(function (b) { b.disabled = false; });
            if (progress) {
                progress.hidden = true;
            }
        }
        xhr.addEventListener("load", function () {
            done();
            if (xhr.status === 401 || isSignIn(xhr.responseURL)) {
                signedOut();
                return;
            }
            var type = xhr.getResponseHeader("Content-Type") || "";
            if (type.indexOf("text/html") !== 0) {
                say("Máy chủ trả lời không như mong đợi (mã " + xhr.status + "). Tệp vẫn được giữ trong trang; hãy bấm gửi lại sau ít phút.");
                return;
            }
            // The answer is the whole page, as the plain form post would show it.
            document.open();
            document.write(xhr.responseText);
            document.close();
        });
        xhr.addEventListener("error", function () {
            done();
            say("Không gửi được tệp (mất kết nối tới máy chủ). Tệp vẫn được giữ trong trang; khi có mạng, hãy bấm gửi lại.");
        });
        xhr.open("POST", form.getAttribute("action") || window.location.href);
        xhr.setRequestHeader("Accept", "text/html");
        xhr.send(data);
    }

    function signedOut() {
        staleToken = true;
        say("Phiên đăng nhập đã hết hạn nên tệp chưa được gửi. Tệp bạn đã chọn vẫn còn trong trang này: hãy mở trang đăng nhập "
            + "ở một thẻ (tab) khác, đăng nhập lại, rồi quay lại đây và bấm gửi lại — không cần chọn lại tệp.");
        if (problem) {
            problem.scrollIntoView({ block: "center" });
        }
    }
})();
