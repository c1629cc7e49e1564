using System.Globalization;
using System.Text;

namespace ReportHub.Pipeline.Access;

/// <summary>
/// The one rule for every password a person chooses or is given (own change, an administrator's reset, the CLI's
/// <c>users create</c> and <c>users reset-password</c>): long enough, not the person's own name, not a keyboard run
/// or one repeated pattern, and not among the passwords breach lists show people use most.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    /// <summary>The rule as a person reads it, for forms and help text.</summary>
    public const string Description =
        "Mật khẩu cần ít nhất 10 ký tự, không trùng hoặc chủ yếu là tên đăng nhập hay họ tên, không phải một dãy phím "
        + "liền nhau hay một ký tự lặp lại, và không nằm trong danh sách mật khẩu phổ biến.";

    private static readonly string[] KeyboardRuns =
    [
        "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv", "qazwsxedcrfv", "abcdefghijklmnopqrstuvwxyz",
    ];

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>The first rule the password breaks, in Vietnamese; null when it is good.</summary>
    public static string? Problem(string? password, string? userName, string? displayName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"Mật khẩu phải có ít nhất {MinLength} ký tự.";
        }
        if (password.Length > MaxLength)
        {
            return $"Mật khẩu dài quá {MaxLength} ký tự.";
        }
        var folded = Fold(password);
        if (Remainder(folded, userName, displayName).Length < MinLength)
        {
            return "Mật khẩu không được là tên đăng nhập hay họ tên (kể cả khi thêm vài ký tự): hãy chọn một cụm từ khác.";
        }
        if (IsTrivial(folded))
        {
            return "Mật khẩu quá dễ đoán: một ký tự lặp lại, một dãy liền nhau (như 1234567890, abcdefghij) hay một dãy phím trên bàn phím. Hãy chọn một cụm từ khác.";
        }
        if (Common.Value.Contains(folded))
        {
            return "Mật khẩu này nằm trong danh sách mật khẩu phổ biến mà kẻ dò mật khẩu thử đầu tiên. Hãy chọn một cụm từ khác.";
        }
        return null;
    }

    /// <summary>Lower case, without diacritics or spaces: "Mật Khẩu 123" and "matkhau123" are one password to a guesser.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || char.IsWhiteSpace(c))
            {
                continue;
            }
            builder.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return builder.ToString();
    }

    /// <summary>What is left of the password once the user name and each word of the display name are taken out.</summary>
    private static string Remainder(string folded, string? userName, string? displayName)
    {
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(userName))
        {
            names.Add(Fold(userName));
        }
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            names.Add(Fold(displayName));
            names.AddRange(displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold).Where(w => w.Length >= 3));
        }
        var rest = folded;
        foreach (var name in names.Where(n => n.Length > 0).OrderByDescending(n => n.Length))
        {
            rest = rest.Replace(name, "", StringComparison.Ordinal);
        }
        return rest;
    }

    private static bool IsTrivial(string folded)
    {
        // One short pattern repeated: "aaaaaaaaaa", "abababababab", "123123123123".
        for (var period = 1; period <= 4; period++)
        {
            if (folded.Length >= period * 2 && Enumerable.Range(period, folded.Length - period).All(i => folded[i] == folded[i - period]))
            {
                return true;
            }
        }
        // A run of consecutive characters up or down: "abcdefghijk", "9876543210".
        var step = folded[1] - folded[0];
        if (Math.Abs(step) == 1 && Enumerable.Range(1, folded.Length - 1).All(i => folded[i] - folded[i - 1] == step))
        {
            return true;
        }
        // Keys in a row on the keyboard, either way.
        return KeyboardRuns.Any(run => run.Contains(folded, StringComparison.Ordinal) || Reverse(run).Contains(folded, StringComparison.Ordinal));
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("ReportHub.Pipeline.Access.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(Fold(line.Trim()));
            }
        }
        return set;
    }
}
