-module(fun_external).
-export([main/0, double/1, add/2]).

double(X) -> X * 2.
add(A, B) -> A + B.

main() ->
    F1 = fun lists:reverse/1,
    F2 = fun ?MODULE:double/1,
    F3 = fun erlang:'+'/2,
    F4 = fun fun_external:add/2,
    M = lists, F = reverse,
    F5 = fun M:F/1,
    erlang:display(F1([1, 2, 3])),
    erlang:display(F2(21)),
    erlang:display(F3(2, 3)),
    erlang:display(F4(10, 20)),
    erlang:display(F5("abc")),
    erlang:display(lists:map(fun ?MODULE:double/1, [1, 2, 3])),
    erlang:display(lists:foldl(fun ?MODULE:add/2, 0, [1, 2, 3])),
    erlang:display(lists:map(fun erlang:atom_to_list/1, [a, bc])),
    erlang:display(lists:filter(fun erlang:is_atom/1, [a, 1, b, "c"])),
    erlang:display(F1 =:= fun lists:reverse/1),
    erlang:display(F1 =:= F5),
    erlang:display(F2 =:= fun fun_external:double/1),
    erlang:display(F1 == fun lists:sort/1),
    erlang:display(is_function(F3, 2)),
    erlang:display([F1, F2, F3, F4, F5]),
    erlang:display(erlang:fun_info(F1, module)),
    erlang:display(erlang:fun_info(F1, name)),
    erlang:display(erlang:fun_info(F1, arity)),
    erlang:display(erlang:fun_info(F1, type)),
    erlang:display(erlang:fun_info(F2, env)),
    erlang:display(erlang:fun_to_list(F4)),
    ok.
