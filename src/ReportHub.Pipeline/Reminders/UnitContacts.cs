using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Pipeline.Reminders;

public sealed record ContactChange
{
    public Unit? Unit { get; init; }
    public string? Email { get; init; }
    public bool Changed { get; init; }
    public bool UnitNotFound { get; init; }

    /// <summary>Why the change was refused, in Vietnamese; null when it was made (or nothing needed changing).</summary>
    public string? Problem { get; init; }
}

/// <summary>Sets a unit's contact address, the same way from the CLI, the API and the admin page, and audits it.</summary>
public sealed class UnitContacts(ReferenceStore reference, AuditLog audit)
{
    /// <summary>A blank address clears the unit's; any other is checked and stored in NFC.</summary>
    public async Task<ContactChange> SetEmailAsync(string code, string? email, string actor, CancellationToken cancellationToken)
    {
        var unit = (await reference.UnitsAsync(cancellationToken)).FirstOrDefault(u => u.Code == code?.Trim());
        if (unit is null)
        {
            return new ContactChange { UnitNotFound = true, Problem = $"Không có đơn vị mã “{code}” trong danh mục." };
        }
        string? address = null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            (address, var problem) = ContactAddress.Normalize(email);
            if (problem is not null)
            {
                return new ContactChange { Unit = unit, Problem = problem };
            }
        }
        if (string.Equals(unit.Email, address, StringComparison.Ordinal))
        {
            return new ContactChange { Unit = unit, Email = address };
        }
        await reference.SetUnitEmailAsync(unit.Code, address, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.UnitContactChanged, unit.Code,
            address is null ? $"xóa địa chỉ thư {unit.Email}" : unit.Email is null ? $"địa chỉ thư {address}" : $"địa chỉ thư {unit.Email} → {address}", cancellationToken);
        return new ContactChange { Unit = unit with { Email = address }, Email = address, Changed = true };
    }
}
