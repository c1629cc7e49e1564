using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Ingest.Cli;

/// <summary>The command line. Exit codes, which scripts test: 0 nothing rejected, 1 a file rejected, 2 usage or configuration error.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int UsageError = 2;

    /// <summary>Something failed that no check foresaw (sysexits' EX_SOFTWARE): said in Vietnamese, never a crash dump.</summary>
    public const int Unexpected = 70;

    public static async Task<int> RunAsync(string[] args)
    {
        var (commandArgs, configArgs) = CliHost.SplitArgs(args);
        var json = new Option<bool>("--json") { Description = "One JSON object per line." };
        var round = new Option<string?>("--round") { Description = "Round code, e.g. 2021-10." };
        var unit = new Option<string?>("--unit") { Description = "Unit code, e.g. 51.SCT." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate fully and store nothing." };
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders." };
        files.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for a file name.
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unknown option: {token.Value}");
            }
        });
        var drain = new Option<bool>("--drain") { Description = "Exit 0 once every source is empty." };
        var onlyRejected = new Option<bool>("--rejected") { Description = "Replay only rejected files." };
        var requiredRound = new Option<string>("--round") { Required = true, Description = "Round code." };

        var init = new Command("init", "Create or migrate the warehouse and load the reference data from samples/.");
        init.SetAction((_, ct) => Commands.InitAsync(configArgs, ct));

        var ingest = new Command("ingest", "Ingest files once.") { files, round, unit, json, dryRun };
        ingest.SetAction((p, ct) => Commands.IngestAsync(configArgs, p.GetValue(files)!, p.GetValue(round), p.GetValue(unit), p.GetValue(json), p.GetValue(dryRun), ct));

        var totals = new Command("totals", "Print a round's totals.") { requiredRound, json };
        totals.SetAction((p, ct) => Commands.TotalsAsync(configArgs, p.GetValue(requiredRound)!, p.GetValue(json), ct));

        var watch = new Command("watch", "Run the ingestion worker until SIGINT or SIGTERM.") { drain };
        watch.SetAction((p, ct) => Commands.WatchAsync(configArgs, p.GetValue(drain), ct));

        var replay = new Command("replay", "Re-process stored files after reference data or the parser changed.") { onlyRejected, json };
        replay.SetAction((p, ct) => Commands.ReplayAsync(configArgs, p.GetValue(onlyRejected), p.GetValue(json), ct));

        var rounds = RoundsCommand(configArgs, json);

        var templateFile = new Argument<string>("file") { Description = "The template definition (.json)." };
        var templateId = new Argument<string>("id") { Description = "Template id, as `templates list` shows it." };
        var templateVersion = new Option<int?>("--version") { Description = "A registered version; the latest by default." };
        var templatesAdd = new Command("add", "Register a template definition or a new version of one.") { templateFile, json };
        templatesAdd.SetAction((p, ct) => TemplateCommands.AddAsync(configArgs, p.GetValue(templateFile)!, p.GetValue(json), ct));
        var templatesList = new Command("list", "List the latest version of each template.") { json };
        templatesList.SetAction((p, ct) => TemplateCommands.ListAsync(configArgs, p.GetValue(json), ct));
        var templatesShow = new Command("show", "Print a template definition.") { templateId, templateVersion };
        templatesShow.SetAction((p, ct) => TemplateCommands.ShowAsync(configArgs, p.GetValue(templateId)!, p.GetValue(templateVersion), ct));
        var templates = new Command("templates", "Register, list and show report templates.") { templatesAdd, templatesList, templatesShow };

        var reinstateId = new Argument<long>("id") { Description = "The submission id, e.g. 12." };
        var reinstate = new Command("reinstate", "Make an older accepted version of a unit's report current again.") { reinstateId, json };
        reinstate.SetAction((p, ct) => SubmissionCommands.ReinstateAsync(configArgs, p.GetValue(reinstateId), p.GetValue(json), ct));
        var submissions = new Command("submissions", "Manage the versions of received reports.") { reinstate };

        var users = UsersCommand(configArgs, json);
        var keys = KeysCommand(configArgs, json);

        var contactCode = new Argument<string>("code") { Description = "Unit code, e.g. 51.SCT." };
        var contactEmail = new Option<string>("--email") { Required = true, Description = "The unit's contact address for reminders; \"\" clears it." };
        var contact = new Command("contact", "Set a unit's contact address, where its reminders go.") { contactCode, contactEmail, json };
        contact.SetAction((p, ct) => UnitCommands.SetContactAsync(configArgs, p.GetValue(contactCode)!, p.GetValue(contactEmail)!, p.GetValue(json), ct));
        var unitsCommand = new Command("units", "Manage the units' contact addresses.") { contact };

        var root = new RootCommand("ReportHub: ingest the provincial appendix reports.") { init, ingest, totals, watch, replay, rounds, submissions, templates, users, keys, unitsCommand };
        var parsed = root.Parse(commandArgs);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }
            await Console.Error.WriteLineAsync("Usage: reporthub init | ingest <file-or-folder>... [--round CODE] [--unit CODE] [--json] [--dry-run] | totals --round CODE [--json] | watch [--drain] | replay [--rejected] [--json] | rounds create --code CODE --template ID --title T --request-document DOC --request-date DATE --deadline DATE [--types T,...] [--parents P,...] [--units U,...] | rounds list [--json] | rounds close CODE | rounds reopen CODE | rounds upgrade CODE --version N [--force] [--json] | rounds add-unit CODE --unit UNIT [--json] | submissions reinstate ID [--json] | templates add FILE [--json] | templates list [--json] | templates show ID [--version N] | users create --name NAME --role ROLE [--unit CODE] [--display-name D] | users list|disable|enable|reset-password NAME | keys create --role ROLE [--unit CODE] [--label L] | keys list | keys revoke PREFIX | units contact CODE --email ADDRESS [--json]");
            return UsageError;
        }
        try
        {
            // The default handler would print the exception and exit 1; configuration errors are exit 2.
            // No forced exit after SIGTERM: a worker finishes the file it holds, however long, and exits 0.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return UsageError;
        }
        catch (Warehouse.Templates.BrokenTemplateException ex)
        {
            // The round names a stored template that no longer loads: the operator's to fix, like a configuration error.
            await Console.Error.WriteLineAsync(ex.Message);
            return UsageError;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unhandled exception would abort the process (exit 134) with a stack dump for a message. Whatever ran
            // before it committed its own transaction; what was in flight was rolled back with it.
            await Console.Error.WriteLineAsync(
                $"ReportHub gặp lỗi không lường trước và đã dừng lệnh này ({ex.GetType().Name}: {ex.Message}). " +
                "Các thay đổi đang làm dở không được lưu. Hãy gửi toàn bộ thông báo này cho người quản trị hệ thống.");
            await Console.Error.WriteLineAsync(ex.ToString());
            return Unexpected;
        }
    }

    private static Command RoundsCommand(string[] configArgs, Option<bool> json)
    {
        var code = new Option<string>("--code") { Required = true, Description = "Round code, e.g. 2025-Q3." };
        var template = new Option<string>("--template") { Required = true, Description = "Template id, as `templates list` shows it." };
        var title = new Option<string>("--title") { Required = true, Description = "Round title." };
        var document = new Option<string>("--request-document") { Required = true, Description = "The request's number/symbol, e.g. 1234/SKHCN-CĐS." };
        var requestDate = new Option<string>("--request-date") { Required = true, Description = "yyyy-MM-dd or dd/MM/yyyy." };
        var deadline = new Option<string>("--deadline") { Required = true, Description = "yyyy-MM-dd or dd/MM/yyyy." };
        var types = new Option<string?>("--types") { Description = "Expected unit types, comma-separated." };
        var parents = new Option<string?>("--parents") { Description = "Expected units' parent codes, comma-separated." };
        var units = new Option<string?>("--units") { Description = "Expected unit codes, comma-separated." };
        var create = new Command("create", "Create a round.") { code, template, title, document, requestDate, deadline, types, parents, units, json };
        create.SetAction((p, ct) => RoundCommands.CreateAsync(configArgs, new RoundDraft
        {
            Code = p.GetValue(code),
            Template = p.GetValue(template),
            Title = p.GetValue(title),
            RequestDocument = p.GetValue(document),
            RequestDate = p.GetValue(requestDate),
            Deadline = p.GetValue(deadline),
            Expected = new RoundExpectation { Types = Split(p.GetValue(types)), Parents = Split(p.GetValue(parents)), Units = Split(p.GetValue(units)) },
        }, p.GetValue(json), ct));

        var list = new Command("list", "List the rounds.") { json };
        list.SetAction((p, ct) => RoundCommands.ListAsync(configArgs, p.GetValue(json), ct));

        var closeCode = new Argument<string>("code") { Description = "Round code." };
        var close = new Command("close", "Close a round: uploads to it are refused.") { closeCode };
        close.SetAction((p, ct) => RoundCommands.SetClosedAsync(configArgs, p.GetValue(closeCode)!, closed: true, ct));

        var reopenCode = new Argument<string>("code") { Description = "Round code." };
        var reopen = new Command("reopen", "Reopen a closed round.") { reopenCode };
        reopen.SetAction((p, ct) => RoundCommands.SetClosedAsync(configArgs, p.GetValue(reopenCode)!, closed: false, ct));

        var upgradeCode = new Argument<string>("code") { Description = "Round code." };
        var upgradeVersion = new Option<int>("--version") { Required = true, Description = "A registered version of the round's template, newer than the round's." };
        var force = new Option<bool>("--force") { Description = "Upgrade even when the new version rejects some units' reports (they must send again)." };
        var upgrade = new Command("upgrade", "Move an open round to a newer version of its template, reading its reports again.") { upgradeCode, upgradeVersion, force, json };
        upgrade.SetAction((p, ct) => RoundCommands.UpgradeAsync(configArgs, p.GetValue(upgradeCode)!, p.GetValue(upgradeVersion), p.GetValue(force), p.GetValue(json), ct));


        var addCode = new Argument<string>("code") { Description = "Round code." };
        var addUnit = new Option<string>("--unit") { Required = true, Description = "The unit to add, e.g. 51.524." };
        var addUnitCommand = new Command("add-unit", "Add a unit to a round's expected units (e.g. an abolished district that still reports).") { addCode, addUnit, json };
        addUnitCommand.SetAction((p, ct) => RoundCommands.AddUnitAsync(configArgs, p.GetValue(addCode)!, p.GetValue(addUnit)!, p.GetValue(json), ct));

        return new Command("rounds", "Create, list, close, reopen and upgrade rounds; add a unit to one.") { create, list, close, reopen, upgrade, addUnitCommand };
    }

    private static Command UsersCommand(string[] configArgs, Option<bool> json)
    {
        var name = new Option<string>("--name") { Required = true, Description = "User name used to sign in." };
        var display = new Option<string?>("--display-name") { Description = "Name shown on the pages." };
        var role = new Option<string>("--role") { Required = true, Description = "department, analyst or admin." };
        var unit = new Option<string?>("--unit") { Description = "The unit of a department account, e.g. 51.SCT." };
        var create = new Command("create", "Create an account; the password is read from standard input or generated.") { name, display, role, unit };
        create.SetAction((p, ct) => AccessCommands.CreateUserAsync(configArgs, p.GetValue(name)!, p.GetValue(display), p.GetValue(role)!, p.GetValue(unit), ct));

        var list = new Command("list", "List the accounts.") { json };
        list.SetAction((p, ct) => AccessCommands.ListUsersAsync(configArgs, p.GetValue(json), ct));

        var disableName = new Argument<string>("name") { Description = "User name." };
        var disable = new Command("disable", "Disable an account: it can no longer sign in.") { disableName };
        disable.SetAction((p, ct) => AccessCommands.SetDisabledAsync(configArgs, p.GetValue(disableName)!, disabled: true, ct));

        var enableName = new Argument<string>("name") { Description = "User name." };
        var enable = new Command("enable", "Enable a disabled account again.") { enableName };
        enable.SetAction((p, ct) => AccessCommands.SetDisabledAsync(configArgs, p.GetValue(enableName)!, disabled: false, ct));

        var resetName = new Argument<string>("name") { Description = "User name." };
        var reset = new Command("reset-password", "Set a new password (standard input, or generated) and unlock the account.") { resetName };
        reset.SetAction((p, ct) => AccessCommands.ResetPasswordAsync(configArgs, p.GetValue(resetName)!, ct));

        return new Command("users", "Create, list, disable and reset people's accounts.") { create, list, disable, enable, reset };
    }

    private static Command KeysCommand(string[] configArgs, Option<bool> json)
    {
        var role = new Option<string>("--role") { Required = true, Description = "department, analyst or admin." };
        var unit = new Option<string?>("--unit") { Description = "The unit of a department key, e.g. 51.SCT." };
        var label = new Option<string?>("--label") { Description = "What the key is for." };
        var create = new Command("create", "Create an API key; it is printed once, as the last line.") { role, unit, label };
        create.SetAction((p, ct) => AccessCommands.CreateKeyAsync(configArgs, p.GetValue(role)!, p.GetValue(unit), p.GetValue(label), ct));

        var list = new Command("list", "List the keys (never their secrets).") { json };
        list.SetAction((p, ct) => AccessCommands.ListKeysAsync(configArgs, p.GetValue(json), ct));

        var prefix = new Argument<string>("prefix") { Description = "The key's prefix as listed (or the whole key)." };
        var revoke = new Command("revoke", "Revoke a key at once.") { prefix };
        revoke.SetAction((p, ct) => AccessCommands.RevokeKeyAsync(configArgs, p.GetValue(prefix)!, ct));

        return new Command("keys", "Create, list and revoke API keys.") { create, list, revoke };
    }

    private static List<string>? Split(string? values) =>
        values?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>A problem with the command line or the configuration: exit code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
