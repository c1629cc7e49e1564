using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace ReportHub.Pipeline.Reminders;

/// <summary>A unit's contact address, checked and stored in one form whichever door it came through.</summary>
public static partial class ContactAddress
{
    public const int MaxLength = 254;

    /// <summary>
    /// The address trimmed and in NFC, or a Vietnamese reason it is refused. MimeKit accepts display names and groups
    /// ("Lan &lt;lan@x.vn&gt;"), so the plain shape local@domain.tld is checked as well: only the address itself is stored.
    /// </summary>
    public static (string? Address, string? Problem) Normalize(string? input)
    {
        var text = (input ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (text.Length == 0)
        {
            return (null, "Chưa nhập địa chỉ thư điện tử.");
        }
        if (text.Length > MaxLength)
        {
            return (null, $"Địa chỉ thư điện tử dài quá {MaxLength} ký tự.");
        }
        if (!Shape().IsMatch(text) || !MailboxAddress.TryParse(text, out var mailbox) || mailbox.Address != text)
        {
            return (null, $"“{text}” không phải địa chỉ thư điện tử hợp lệ (ví dụ đúng: vanthu@sct.quangngai.gov.vn).");
        }
        return (text, null);
    }

    [GeneratedRegex(@"^[^\s@<>()\[\],;:""]+@[^\s@<>()\[\],;:""]+\.[^\s@<>()\[\],;:"".]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
