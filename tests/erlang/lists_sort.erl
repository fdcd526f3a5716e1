-module(lists_sort).
-export([main/0]).

main() ->
    L = lcg(42, 40),
    erlang:display(L),
    erlang:display(lists:sort(L)),
    erlang:display(lists:usort(L)),
    erlang:display(lists:sort(fun(A, B) -> A > B end, L)),
    erlang:display(lists:usort(fun(A, B) -> A rem 10 =< B rem 10 end, L)),
    Recs = [{N rem 7, N rem 5, N} || N <- L],
    erlang:display(lists:keysort(1, Recs)),
    erlang:display(lists:keysort(2, Recs)),
    erlang:display(lists:ukeysort(1, Recs)),
    erlang:display(lists:sort(fun({A, _, _}, {B, _, _}) -> A =< B end, Recs) =:= lists:keysort(1, Recs)),
    Big = lcg(7, 20000),
    S = lists:sort(Big),
    erlang:display(is_sorted(S)),
    erlang:display(length(lists:usort(Big))),
    erlang:display(lists:sublist(S, 10)),
    erlang:display(lists:nthtail(19990, S)),
    erlang:display(lists:sort([b, "b", 2, {b}, 1.5, [], <<"b">>, a])),
    erlang:display(lists:sort([])),
    erlang:display(lists:sort([x])),
    erlang:display(lists:reverse(lists:sort([3, 1, 2]))),
    ok.

lcg(Seed, N) -> lcg(Seed, N, []).
lcg(_, 0, Acc) -> Acc;
lcg(S, N, Acc) ->
    S1 = (S * 1103515245 + 12345) band 16#7FFFFFFF,
    lcg(S1, N - 1, [S1 rem 1000 | Acc]).

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
