-module(app_matrix).
-export([main/0]).

%% Matrices as lists of lists: multiplication, exact determinants with
%% rationals on bignums, powers for Fibonacci numbers.
main() ->
    A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]],
    I3 = identity(3),
    erlang:display(mul(A, I3) =:= A),
    erlang:display(mul(A, A)),
    erlang:display(transpose(A)),
    erlang:display(det(A)),
    erlang:display(det(hilbert(6))),
    erlang:display(inverse_det(hilbert(4))),
    erlang:display(fib(100)),
    erlang:display(fib(1000) rem 1000000007),
    erlang:display(pow([[2, 0], [0, 3]], 64)),
    M = [[(I * J + 1) rem 7 || J <- lists:seq(1, 20)] || I <- lists:seq(1, 20)],
    erlang:display(lists:sum(lists:append(pow(M, 5))) rem 1000000007),
    erlang:display(trace(pow(M, 3))),
    erlang:display(mul([[1.5, 2.0], [0.5, -1.0]], [[2, 0], [1, 1]])),
    ok.

identity(N) -> [[if I =:= J -> 1; true -> 0 end || J <- lists:seq(1, N)] || I <- lists:seq(1, N)].

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].

mul(A, B) ->
    BT = transpose(B),
    [[lists:sum(lists:zipwith(fun(X, Y) -> X * Y end, Row, Col)) || Col <- BT] || Row <- A].

pow(M, 1) -> M;
pow(M, N) when N rem 2 =:= 0 -> H = pow(M, N div 2), mul(H, H);
pow(M, N) -> mul(M, pow(M, N - 1)).

fib(N) -> [[_, F], _] = pow([[1, 1], [1, 0]], N), F.

trace(M) -> lists:sum([lists:nth(I, lists:nth(I, M)) || I <- lists:seq(1, length(M))]).

%% Rationals {Num, Den}, normalised.
rat(N, D) when D < 0 -> rat(-N, -D);
rat(N, D) -> G = gcd(abs(N), D), {N div G, D div G}.
gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).
rsub({A, B}, {C, D}) -> rat(A * D - C * B, B * D).
rmul({A, B}, {C, D}) -> rat(A * C, B * D).
rdiv({A, B}, {C, D}) -> rat(A * D, B * C).

hilbert(N) -> [[{1, I + J - 1} || J <- lists:seq(1, N)] || I <- lists:seq(1, N)].

det(M) -> det_r([[to_rat(X) || X <- R] || R <- M]).
to_rat({_, _} = R) -> R;
to_rat(X) -> {X, 1}.

det_r([[X]]) -> X;
det_r(M) ->
    case lists:splitwith(fun([{0, _} | _]) -> true; (_) -> false end, M) of
        {_, []} -> {0, 1};
        {Zeros, [Pivot | Rest]} ->
            Sign = if length(Zeros) rem 2 =:= 0 -> {1, 1}; true -> {-1, 1} end,
            [P | PR] = Pivot,
            Reduced = [begin [F | FR] = Row, K = rdiv(F, P), lists:zipwith(fun(X, Y) -> rsub(X, rmul(K, Y)) end, FR, PR) end
                       || Row <- Zeros ++ Rest],
            rmul(Sign, rmul(P, det_r(Reduced)))
    end.

inverse_det(M) -> {N, D} = det(M), {D, N}.
