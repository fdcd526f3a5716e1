-module(guard_fail_next).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [[], [1], [a, b], {}, {1, 2}, 0, 3, a, <<>>, <<5>>, #{a => 1}, #{}, 2.0],
    [erlang:display({V, f(V), g(V)}) || V <- [id(X) || X <- Vals]],
    ok.

%% Each of these guards raises for some inputs; the clause is then skipped.
f(X) when hd(X) =:= 1 -> head_one;
f(X) when length(X) =:= 2 -> length_two;
f(X) when element(1, X) =:= 1 -> first_one;
f(X) when tuple_size(X) =:= 0 -> empty_tuple;
f(X) when 6 div X =:= 2 -> three;
f(X) when abs(X) < 1 -> abs_small;
f(X) when binary_part(X, 0, 1) =:= <<5>> -> bin5;
f(X) when map_get(a, X) =:= 1 -> map_a;
f(X) when trunc(X) =:= 2 -> trunc_two;
f(_) -> fallback.

g(X) when tl(X) =:= []; element(2, X) =:= 2; X band 1 =:= 1 -> semicolon;
g(X) when byte_size(X) =:= 0; map_size(X) =:= 0 -> empty;
g(_) -> no.
