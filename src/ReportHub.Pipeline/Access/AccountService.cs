using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Warehouse.Access;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Pipeline.Access;

/// <summary>
/// People's accounts: created, checked at sign-in with lockout, disabled and reset. Passwords are hashed with ASP.NET
/// Core's <see cref="PasswordHasher{TUser}"/>, whose format carries its own version, so old hashes keep verifying
/// and are rehashed when the format moves on.
/// </summary>
public sealed class AccountService(UserStore users, SignInFailureStore failures, ReferenceStore reference, IOptions<AccessOptions> options, TimeProvider clock,
    ILogger<AccountService> logger)
{
    private static readonly PasswordHasher<UserRow> Hasher = new();

    public async Task<AccountResult> CreateAsync(string userName, string displayName, string role, string? unitCode, string password,
        CancellationToken cancellationToken)
    {
        var problem = await CheckAsync(userName, role, unitCode, cancellationToken)
            ?? PasswordPolicy.Problem(password, userName.Trim(), string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim());
        if (problem is not null)
        {
            return AccountResult.Refused(problem);
        }
        var hash = Hasher.HashPassword(null!, password);
        var id = await users.InsertAsync(userName.Trim(), string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(),
            hash, role, role == Roles.Department ? unitCode : null, clock.GetUtcNow(), NewStamp(), cancellationToken);
        return id is null
            ? AccountResult.Refused($"Tên đăng nhập “{userName}” đã có. Hãy chọn tên khác.")
            : AccountResult.Done();
    }

    /// <summary>A password good enough for a government system: long, and generated from a CSPRNG.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    /// <summary>
    /// Checks a password typed at <paramref name="address"/>. A wrong password, a disabled account and a name no
    /// account has answer alike and take alike (a password hash is always verified, a stand-in one when there is no
    /// enabled account), so the answer never tells which accounts exist. Failures are counted per name and address:
    /// after <see cref="AccessOptions.MaxFailedSignIns"/> in a row the name is locked for that address only, so a
    /// stranger guessing elsewhere never locks a person out of her own office.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, string address, CancellationToken cancellationToken)
    {
        var name = FailureKey(userName);
        var now = clock.GetUtcNow();
        var user = await users.FindAsync(userName.Trim(), cancellationToken);
        var failure = await failures.FindAsync(name, address, cancellationToken);
        var usable = user is { Disabled: false };
        var verdict = Hasher.VerifyHashedPassword(user!, usable ? user!.PasswordHash : DummyHash.Value, password);
        var reason = user is null ? SignInFailure.UnknownName : user.Disabled ? SignInFailure.Disabled : SignInFailure.WrongPassword;
        if (failure?.LockedUntil is { } locked && locked > now)
        {
            return SignInResult.Failed(SignInOutcome.LockedOut, SignInFailure.LockedOut, locked);
        }
        if (!usable || verdict == PasswordVerificationResult.Failed)
        {
            var window = TimeSpan.FromMinutes(Math.Max(1, options.Value.LockoutMinutes));
            // A lock that has run out, or failures older than one lockout, start the count again.
            var fresh = failure is null || failure.LockedUntil is not null || failure.LastFailedAt < now - window;
            var count = (fresh ? 0 : failure!.FailedCount) + 1;
            var max = Math.Max(1, options.Value.MaxFailedSignIns);
            DateTimeOffset? lockUntil = count >= max ? now + window : null;
            await failures.RecordAsync(name, address, lockUntil is null ? count : 0, lockUntil, now, now.AddDays(-1), cancellationToken);
            if (lockUntil is not null)
            {
                logger.LogWarning("Sign-in name {User} locked for address {Address} until {Until} after {Failures} failures", name, address, lockUntil, count);
                return SignInResult.Failed(SignInOutcome.LockedOut, reason, lockUntil);
            }
            return SignInResult.Failed(SignInOutcome.Invalid, reason);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordAsync(user!.UserName, Hasher.HashPassword(user, password), cancellationToken);
        }
        if (failure is not null)
        {
            await failures.ClearAsync(name, address, cancellationToken);
        }
        return SignInResult.Success(user!);
    }

    /// <summary>The name failures are counted under: as typed, trimmed, no longer than any account name can be.</summary>
    private static string FailureKey(string userName)
    {
        var trimmed = userName.Trim();
        return trimmed.Length > 64 ? trimmed[..64] : trimmed;
    }

    /// <summary>
    /// A person changes her own password: the current one is required, the new one must meet
    /// <see cref="PasswordPolicy"/>. Every session of the account ends (the caller opens a new one for this browser).
    /// </summary>
    public async Task<AccountResult> ChangePasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null || user.Disabled
            || Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            return AccountResult.Refused("Mật khẩu hiện tại không đúng.");
        }
        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            return AccountResult.Refused("Mật khẩu mới phải khác mật khẩu hiện tại.");
        }
        if (PasswordPolicy.Problem(newPassword, user.UserName, user.DisplayName) is { } problem)
        {
            return AccountResult.Refused(problem);
        }
        return await users.ResetPasswordAsync(user.UserName, Hasher.HashPassword(user, newPassword), NewStamp(), cancellationToken)
            ? AccountResult.Done()
            : AccountResult.Refused($"Không có tài khoản “{userName}”.");
    }

    public async Task<AccountResult> ResetPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName.Trim(), cancellationToken);
        if (user is null)
        {
            return AccountResult.Refused($"Không có tài khoản “{userName}”.");
        }
        if (PasswordPolicy.Problem(password, user.UserName, user.DisplayName) is { } problem)
        {
            return AccountResult.Refused(problem);
        }
        // Whoever knew the old password may hold a session opened with it: every session of the account ends, and
        // every address's lock on the name is lifted (the person was told to ask for a reset).
        if (!await users.ResetPasswordAsync(user.UserName, Hasher.HashPassword(null!, password), NewStamp(), cancellationToken))
        {
            return AccountResult.Refused($"Không có tài khoản “{userName}”.");
        }
        await failures.ClearNameAsync(user.UserName, cancellationToken);
        return AccountResult.Done();
    }

    /// <summary>Disabling also ends every open session of the account, at once (the next request is refused).</summary>
    public async Task<AccountResult> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken) =>
        await users.SetDisabledAsync(userName.Trim(), disabled, NewStamp(), cancellationToken)
            ? AccountResult.Done()
            : AccountResult.Refused($"Không có tài khoản “{userName}”.");

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken) => users.ListAsync(cancellationToken);

    public Task<UserRow?> FindAsync(string userName, CancellationToken cancellationToken) => users.FindAsync(userName, cancellationToken);

    private async Task<string?> CheckAsync(string userName, string role, string? unitCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Trim().Length > 64 || userName.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "Tên đăng nhập phải có từ 1 đến 64 ký tự và không có khoảng trắng.";
        }
        if (!Roles.IsKnown(role))
        {
            return UnknownRole(role);
        }
        return await UnitProblemAsync(role, unitCode, reference, cancellationToken);
    }

    /// <summary>The refusal for a department account or key without a unit; the CLI adds how to give one.</summary>
    public static readonly string MissingUnit = $"Vai trò {Roles.Label(Roles.Department)} phải gắn với một đơn vị của danh mục (ví dụ 51.SCT).";

    /// <summary>Names the roles by code (what the CLI takes) and by label.</summary>
    public static string UnknownRole(string? role) =>
        $"Vai trò “{role}” không có. Các vai trò: {string.Join(", ", Roles.All.Select(r => $"{r} ({Roles.Label(r)})"))}.";

    /// <summary>A department account or key needs a unit of the registry; the other roles have none.</summary>
    public static async Task<string?> UnitProblemAsync(string role, string? unitCode, ReferenceStore reference, CancellationToken cancellationToken)
    {
        if (role != Roles.Department)
        {
            return string.IsNullOrWhiteSpace(unitCode) ? null : $"Chỉ vai trò {Roles.Label(Roles.Department)} mới gắn với một đơn vị; vai trò {Roles.Label(role)} không chọn đơn vị.";
        }
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            return MissingUnit;
        }
        var units = await reference.UnitsAsync(cancellationToken);
        return units.Any(u => u.Code == unitCode)
            ? null
            : $"Không có đơn vị mã “{unitCode}” trong danh mục. Hãy kiểm tra mã (GET /api/units).";
    }

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, GeneratePassword()));
}

public sealed record AccountResult
{
    public required bool Succeeded { get; init; }
    public string? Error { get; init; }

    public static AccountResult Done() => new() { Succeeded = true };

    public static AccountResult Refused(string error) => new() { Succeeded = false, Error = error.Normalize() };
}

/// <summary>What the person is told: the same for every kind of failure but a lock.</summary>
public enum SignInOutcome
{
    Success,
    Invalid,
    LockedOut,
}

/// <summary>Why a sign-in failed, for the audit log only: never shown to whoever typed it.</summary>
public enum SignInFailure
{
    None,
    WrongPassword,
    UnknownName,
    Disabled,
    LockedOut,
}

public sealed record SignInResult
{
    public required SignInOutcome Outcome { get; init; }
    public UserRow? User { get; init; }
    public SignInFailure Failure { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    public static SignInResult Success(UserRow user) => new() { Outcome = SignInOutcome.Success, User = user };

    public static SignInResult Failed(SignInOutcome outcome, SignInFailure failure, DateTimeOffset? lockedUntil = null) =>
        new() { Outcome = outcome, Failure = failure, LockedUntil = lockedUntil };

    /// <summary>The audit log's detail, in Vietnamese: admins see why, the person at the form never does.</summary>
    public string AuditDetail(string address) => Failure switch
    {
        SignInFailure.UnknownName => "không có tài khoản tên này",
        SignInFailure.Disabled => "tài khoản đã bị khóa bởi quản trị viên",
        SignInFailure.LockedOut => "tên đăng nhập đang tạm khóa với địa chỉ này",
        _ => "sai mật khẩu",
    } + (Outcome == SignInOutcome.LockedOut && Failure != SignInFailure.LockedOut ? "; tạm khóa với địa chỉ này" : "") + "; địa chỉ " + address;
}
