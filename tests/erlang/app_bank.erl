-module(app_bank).
-export([main/0]).

%% A bank ledger: records for accounts, maps for the ledger, exceptions for
%% failed transactions, folded over a list of commands.
-record(acct, {id, owner, balance = 0, frozen = false}).

main() ->
    Cmds = [{open, 1, "ann"}, {open, 2, "bob"}, {deposit, 1, 500}, {deposit, 2, 50},
            {transfer, 1, 2, 200}, {withdraw, 2, 300}, {freeze, 1}, {withdraw, 1, 10},
            {open, 1, "dup"}, {transfer, 2, 3, 5}, {unfreeze, 1}, {withdraw, 1, 100},
            {deposit, 2, -5}, {close, 2}, {deposit, 2, 1}],
    {Bank, Log} = lists:foldl(fun apply_cmd/2, {#{}, []}, Cmds),
    [erlang:display(L) || L <- lists:reverse(Log)],
    erlang:display(lists:sort(maps:values(Bank))),
    erlang:display(total(Bank)),
    ok.

apply_cmd(Cmd, {Bank, Log}) ->
    try exec(Cmd, Bank) of
        Bank2 -> {Bank2, [{ok, Cmd} | Log]}
    catch
        throw:Reason -> {Bank, [{rejected, Cmd, Reason} | Log]};
        error:{badkey, K} -> {Bank, [{rejected, Cmd, {no_account, K}} | Log]}
    end.

exec({open, Id, _}, Bank) when is_map_key(Id, Bank) -> throw(exists);
exec({open, Id, Owner}, Bank) -> Bank#{Id => #acct{id = Id, owner = Owner}};
exec({deposit, _, N}, _) when N =< 0 -> throw(bad_amount);
exec({deposit, Id, N}, Bank) -> update(Id, fun(A) -> A#acct{balance = A#acct.balance + N} end, Bank);
exec({withdraw, Id, N}, Bank) -> update(Id, fun(A) -> debit(A, N) end, Bank);
exec({transfer, From, To, N}, Bank) ->
    B1 = update(From, fun(A) -> debit(A, N) end, Bank),
    update(To, fun(A) -> A#acct{balance = A#acct.balance + N} end, B1);
exec({freeze, Id}, Bank) -> update(Id, fun(A) -> A#acct{frozen = true} end, Bank);
exec({unfreeze, Id}, Bank) -> update(Id, fun(A) -> A#acct{frozen = false} end, Bank);
exec({close, Id}, Bank) -> #acct{} = maps:get(Id, Bank), maps:remove(Id, Bank).

update(Id, F, Bank) ->
    A = maps:get(Id, Bank),
    Bank#{Id := F(A)}.

debit(#acct{frozen = true}, _) -> throw(frozen);
debit(#acct{balance = B}, N) when N > B -> throw({insufficient, B, N});
debit(A, N) -> A#acct{balance = A#acct.balance - N}.

total(Bank) -> lists:sum([B || #acct{balance = B} <- maps:values(Bank)]).
