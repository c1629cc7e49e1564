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
public sealed class AccountService(UserStore users, ReferenceStore reference, IOptions<AccessOptions> options, TimeProvider clock,
    ILogger<AccountService> logger)
{
    private static readonly PasswordHasher<UserRow> Hasher = new();

    public const int MinPasswordLength = 10;

    public async Task<AccountResult> CreateAsync(string userName, string displayName, string role, string? unitCode, string password,
        CancellationToken cancellationToken)
    {
        var problem = await CheckAsync(userName, role, unitCode, password, cancellationToken);
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

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName.Trim(), cancellationToken);
        var now = clock.GetUtcNow();
        if (user is null)
        {
            // Hash anyway, so that a missing account answers in the same time as a wrong password.
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return SignInResult.Failed(SignInOutcome.Invalid);
        }
        if (user.Disabled)
        {
            return SignInResult.Failed(SignInOutcome.Disabled);
        }
        if (user.LockedUntil is { } until && until > now)
        {
            return SignInResult.Failed(SignInOutcome.LockedOut, until);
        }
        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = (user.LockedUntil is not null ? 0 : user.FailedCount) + 1;
            var max = Math.Max(1, options.Value.MaxFailedSignIns);
            DateTimeOffset? lockUntil = failures >= max ? now.AddMinutes(Math.Max(1, options.Value.LockoutMinutes)) : null;
            await users.RecordFailuresAsync(user.Id, lockUntil is null ? failures : 0, lockUntil, cancellationToken);
            if (lockUntil is not null)
            {
                logger.LogWarning("Account {User} locked until {Until} after {Failures} failed sign-ins", user.UserName, lockUntil, failures);
                return SignInResult.Failed(SignInOutcome.LockedOut, lockUntil);
            }
            return SignInResult.Failed(SignInOutcome.Invalid);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordAsync(user.UserName, Hasher.HashPassword(user, password), cancellationToken);
        }
        else if (user.FailedCount > 0 || user.LockedUntil is not null)
        {
            await users.RecordFailuresAsync(user.Id, 0, null, cancellationToken);
        }
        return SignInResult.Success(user);
    }

    public async Task<AccountResult> ResetPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        if (PasswordProblem(password) is { } problem)
        {
            return AccountResult.Refused(problem);
        }
        // Whoever knew the old password may hold a session opened with it: every session of the account ends.
        return await users.ResetPasswordAsync(userName.Trim(), Hasher.HashPassword(null!, password), NewStamp(), cancellationToken)
            ? AccountResult.Done()
            : AccountResult.Refused($"Không có tài khoản “{userName}”.");
    }

    /// <summary>Disabling also ends every open session of the account, at once (the next request is refused).</summary>
    public async Task<AccountResult> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken) =>
        await users.SetDisabledAsync(userName.Trim(), disabled, NewStamp(), cancellationToken)
            ? AccountResult.Done()
            : AccountResult.Refused($"Không có tài khoản “{userName}”.");

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken) => users.ListAsync(cancellationToken);

    public Task<UserRow?> FindAsync(string userName, CancellationToken cancellationToken) => users.FindAsync(userName, cancellationToken);

    private async Task<string?> CheckAsync(string userName, string role, string? unitCode, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Trim().Length > 64 || userName.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "Tên đăng nhập phải có từ 1 đến 64 ký tự và không có khoảng trắng.";
        }
        if (!Roles.IsKnown(role))
        {
            return $"Vai trò “{role}” không có. Hãy chọn department, analyst hoặc admin.";
        }
        if (await UnitProblemAsync(role, unitCode, reference, cancellationToken) is { } unitProblem)
        {
            return unitProblem;
        }
        return PasswordProblem(password);
    }

    /// <summary>A department account or key needs a unit of the registry; the other roles have none.</summary>
    public static async Task<string?> UnitProblemAsync(string role, string? unitCode, ReferenceStore reference, CancellationToken cancellationToken)
    {
        if (role != Roles.Department)
        {
            return string.IsNullOrWhiteSpace(unitCode) ? null : "Chỉ vai trò department mới gắn với một đơn vị; hãy bỏ --unit.";
        }
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            return "Vai trò department phải gắn với một đơn vị: hãy thêm --unit MÃ_ĐƠN_VỊ (ví dụ 51.SCT).";
        }
        var units = await reference.UnitsAsync(cancellationToken);
        return units.Any(u => u.Code == unitCode)
            ? null
            : $"Không có đơn vị mã “{unitCode}” trong danh mục. Hãy kiểm tra mã (GET /api/units).";
    }

    private static string? PasswordProblem(string password) =>
        password is null || password.Length < MinPasswordLength
            ? $"Mật khẩu phải có ít nhất {MinPasswordLength} ký tự."
            : null;

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, GeneratePassword()));
}

public sealed record AccountResult
{
    public required bool Succeeded { get; init; }
    public string? Error { get; init; }

    public static AccountResult Done() => new() { Succeeded = true };

    public static AccountResult Refused(string error) => new() { Succeeded = false, Error = error.Normalize() };
}

public enum SignInOutcome
{
    Success,
    Invalid,
    Disabled,
    LockedOut,
}

public sealed record SignInResult
{
    public required SignInOutcome Outcome { get; init; }
    public UserRow? User { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    public static SignInResult Success(UserRow user) => new() { Outcome = SignInOutcome.Success, User = user };

    public static SignInResult Failed(SignInOutcome outcome, DateTimeOffset? lockedUntil = null) =>
        new() { Outcome = outcome, LockedUntil = lockedUntil };
}
