-module(record_update).
-export([main/0, id/1]).

-record(account, {id, owner, balance = 0, history = []}).

id(X) -> X.

main() ->
    A0 = #account{id = 1, owner = "ann"},
    A1 = deposit(A0, 100),
    A2 = withdraw(A1, 30),
    A3 = withdraw(A2, 500),
    erlang:display(A0),
    erlang:display(A1),
    erlang:display(A2),
    erlang:display(A3),
    A4 = A3#account{owner = "bob", balance = A3#account.balance * 2},
    erlang:display(A4),
    erlang:display(A0 =:= #account{id = 1, owner = "ann"}),
    Accs = [#account{id = I, owner = integer_to_list(I), balance = I * 10} || I <- lists:seq(1, 5)],
    Updated = [A#account{balance = A#account.balance + 1} || A <- Accs],
    erlang:display([B || #account{balance = B} <- Updated]),
    erlang:display(lists:sum([A#account.balance || A <- Updated])),
    erlang:display(try (id(not_a_record))#account{balance = 1} catch error:R -> {error, R} end),
    erlang:display(try (id({account, 1}))#account.owner catch error:R2 -> {error, R2} end),
    Final = lists:foldl(fun(N, Acc) -> deposit(Acc, N) end, A0, lists:seq(1, 10)),
    erlang:display(Final#account.balance),
    erlang:display(length(Final#account.history)),
    ok.

deposit(#account{balance = B, history = H} = A, N) -> A#account{balance = B + N, history = [{dep, N} | H]}.

withdraw(#account{balance = B} = A, N) when N > B -> A#account{history = [{refused, N} | A#account.history]};
withdraw(#account{balance = B, history = H} = A, N) -> A#account{balance = B - N, history = [{wd, N} | H]}.
