-module(exc_function_clause).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> only_ints(id(a)) end)),
    erlang:display(t(fun() -> only_ints(id(3)) end)),
    erlang:display(t(fun() -> two_args(id(1), id(x)) end)),
    erlang:display(t(fun() -> (fun(0) -> zero end)(id(1)) end)),
    erlang:display(t(fun() -> (fun(X) when X > 0 -> pos end)(id(-1)) end)),
    erlang:display(t(fun() -> lists:map(id(notfun), [1]) end)),
    erlang:display(t(fun() -> lists:nth(id(0), [a]) end)),
    erlang:display(t(fun() -> lists:foldl(fun(X, A) -> X + A end, 0, id(notalist)) end)),
    erlang:display(t(fun() -> proplists:get_value(a, id(notalist)) end)),
    erlang:display(t(fun() -> lists:seq(id(1), id(a)) end)),
    erlang:display(t(fun() -> string:tokens(id(123), " ") end)),
    erlang:display(t(fun() -> guarded(id(100)) end)),
    erlang:display(t(fun() -> guarded(id(5)) end)),
    ok.

only_ints(X) when is_integer(X) -> X * 2.

two_args(A, B) when is_integer(A), is_integer(B) -> A + B.

guarded(X) when X < 10 -> small;
guarded(X) when X > 1000 -> large.
